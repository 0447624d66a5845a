"""Events of the pilot year 2023/24, in the local time of each venue.

The dates follow the programme as reported (kick-off in November 2023, Mentoring Forum on
29-30 May 2024, closing in July 2024); the days of the other events are illustrative.
"""

from __future__ import annotations

import datetime
import zoneinfo

from events.models import EventPage

from ..blocks import text
from ..pages import PageSpec
from ..text import T, same

PRAGUE = "Europe/Prague"
BERLIN = "Europe/Berlin"
ONLINE_URL = "https://meet.example.org/careersteps"

UWB_VENUE = T(
    "University of West Bohemia, Rectorate",
    "Západočeská univerzita v Plzni, rektorát",
    "Westböhmische Universität Pilsen, Rektorat",
)
UWB_ADDRESS = T(
    "Univerzitní 8, 301 00 Pilsen, Czechia",
    "Univerzitní 8, 301 00 Plzeň",
    "Univerzitní 8, 301 00 Pilsen, Tschechien",
)
ONLINE = T("Online", "Online", "Online")


def at(day: datetime.date, start: str, end: str, tz: str) -> dict:
    """Start and end on ``day`` as aware datetimes in the venue's time zone."""
    zone = zoneinfo.ZoneInfo(tz)

    def moment(clock: str) -> datetime.datetime:
        hours, minutes = map(int, clock.split(":"))
        return datetime.datetime.combine(day, datetime.time(hours, minutes), tzinfo=zone)

    return {"starts_at": moment(start), "ends_at": moment(end), "timezone": tz}


def event(slug: T, title: T, intro: T, body: tuple[T, ...], **fields) -> PageSpec:
    texts = {"introduction": intro}
    for name in ("venue", "address"):
        if name in fields:
            texts[name] = fields.pop(name)
    fields.setdefault("online_url", "")
    return PageSpec(
        model=EventPage,
        parent="events",
        slug=slug,
        title=title,
        texts=texts,
        fields=fields,
        body=(text(*body),),
    )


def pilot_events(institutions: dict) -> list[PageSpec]:
    """The events of the pilot; ``institutions`` maps "uwb"/"oth" to English institutions."""
    uwb, oth = institutions["uwb"], institutions["oth"]
    return [
        event(
            T("kick-off-2023", "zahajeni-2023", "auftakt-2023"),
            T("Kick-off meeting", "Zahajovací setkání", "Auftakttreffen"),
            T(
                "The ten tandems of the pilot meet for the first time.",
                "Deset tandemů pilotního ročníku se poprvé setkává.",
                "Die zehn Tandems des Pilotdurchgangs lernen sich kennen.",
            ),
            (
                T(
                    "Mentees from OTH Amberg-Weiden meet their mentors from the University of "
                    "West Bohemia. We introduce the programme, the mentoring agreement and the "
                    "plan of the year.",
                    "Mentees z OTH Amberg-Weiden se seznámí se svými mentory ze Západočeské "
                    "univerzity. Představíme program, mentoringovou dohodu a plán roku.",
                    "Die Mentees der OTH Amberg-Weiden lernen ihre Mentorinnen und Mentoren "
                    "der Westböhmischen Universität kennen. Wir stellen das Programm, die "
                    "Mentoring-Vereinbarung und den Jahresplan vor.",
                ),
            ),
            event_type=EventPage.EventType.PROGRAMME_MEETING,
            venue=UWB_VENUE,
            address=UWB_ADDRESS,
            institution=uwb,
            **at(datetime.date(2023, 11, 16), "10:00", "14:00", PRAGUE),
        ),
        event(
            T(
                "workshop-research-careers",
                "workshop-vedecka-kariera",
                "workshop-forschungskarriere",
            ),
            T(
                "Workshop: What a doctorate really means",
                "Workshop: Co doktorát skutečně obnáší",
                "Workshop: Was eine Promotion wirklich bedeutet",
            ),
            T(
                "An online workshop on doctoral studies in Germany and in Czechia.",
                "Online workshop o doktorském studiu v Německu a v Česku.",
                "Ein Online-Workshop zur Promotion in Deutschland und in Tschechien.",
            ),
            (
                T(
                    "How do doctoral studies work on each side of the border, how are they "
                    "funded, and what comes after? Bring your questions.",
                    "Jak funguje doktorské studium na obou stranách hranice, jak je "
                    "financováno a co přijde potom? Přineste své otázky.",
                    "Wie funktioniert die Promotion auf beiden Seiten der Grenze, wie wird "
                    "sie finanziert und was kommt danach? Bringen Sie Ihre Fragen mit.",
                ),
            ),
            event_type=EventPage.EventType.WORKSHOP,
            venue=ONLINE,
            online_url=f"{ONLINE_URL}-workshop-1",
            institution=oth,
            **at(datetime.date(2023, 12, 7), "16:00", "18:00", BERLIN),
        ),
        event(
            T("workshop-research-proposal", "workshop-vyzkumny-zamer", "workshop-forschungsexpose"),
            T(
                "Workshop: Writing a research proposal",
                "Workshop: Jak napsat výzkumný záměr",
                "Workshop: Ein Forschungsexposé schreiben",
            ),
            T(
                "From a first idea to a proposal a supervisor wants to read.",
                "Od prvního nápadu k záměru, který si školitel rád přečte.",
                "Von der ersten Idee zu einem Exposé, das Betreuende gern lesen.",
            ),
            (
                T(
                    "Mentors show how they plan a research question, and mentees draft the "
                    "outline of their own proposal.",
                    "Mentoři ukážou, jak plánují výzkumnou otázku, a mentees si připraví "
                    "osnovu vlastního záměru.",
                    "Mentorinnen und Mentoren zeigen, wie sie eine Forschungsfrage planen, und "
                    "die Mentees entwerfen die Gliederung ihres eigenen Exposés.",
                ),
            ),
            event_type=EventPage.EventType.WORKSHOP,
            venue=ONLINE,
            online_url=f"{ONLINE_URL}-workshop-2",
            institution=uwb,
            **at(datetime.date(2024, 2, 15), "16:00", "18:00", PRAGUE),
        ),
        event(
            T("lab-visit-uwb", "navsteva-laboratori-zcu", "laborbesuch-zcu"),
            T(
                "Laboratory visit at the University of West Bohemia",
                "Návštěva laboratoří Západočeské univerzity",
                "Laborbesuch an der Westböhmischen Universität",
            ),
            T(
                "The tandems look behind the doors of research laboratories in Pilsen.",
                "Tandemy nahlédnou do výzkumných laboratoří v Plzni.",
                "Die Tandems werfen einen Blick in Forschungslabore in Pilsen.",
            ),
            (
                T(
                    "Researchers of the university show their laboratories and talk about "
                    "their projects and the people who work on them.",
                    "Výzkumníci univerzity ukážou své laboratoře a povědí o svých projektech "
                    "i o lidech, kteří na nich pracují.",
                    "Forschende der Universität zeigen ihre Labore und erzählen von ihren "
                    "Projekten und den Menschen, die daran arbeiten.",
                ),
            ),
            event_type=EventPage.EventType.LAB_VISIT,
            venue=T(
                "University of West Bohemia, Bory campus",
                "Západočeská univerzita v Plzni, kampus Bory",
                "Westböhmische Universität Pilsen, Campus Bory",
            ),
            address=T(
                "Univerzitní, 301 00 Pilsen, Czechia",
                "Univerzitní, 301 00 Plzeň",
                "Univerzitní, 301 00 Pilsen, Tschechien",
            ),
            institution=uwb,
            **at(datetime.date(2024, 3, 14), "09:30", "15:00", PRAGUE),
        ),
        event(
            T("doctoral-students-uwb", "setkani-s-doktorandy", "treffen-mit-promovierenden"),
            T(
                "Meeting with doctoral students of the University of West Bohemia",
                "Setkání s doktorandy Západočeské univerzity",
                "Treffen mit Promovierenden der Westböhmischen Universität",
            ),
            T(
                "First-hand stories from people who are doing a doctorate now.",
                "Příběhy z první ruky od lidí, kteří právě dělají doktorát.",
                "Berichte aus erster Hand von Menschen, die gerade promovieren.",
            ),
            (
                T(
                    "Doctoral students talk about why they chose a doctorate, what a normal "
                    "week looks like and what they wish they had known before.",
                    "Doktorandi vyprávějí, proč se pro doktorát rozhodli, jak vypadá jejich "
                    "běžný týden a co by bývali rádi věděli dřív.",
                    "Promovierende erzählen, warum sie sich für die Promotion entschieden "
                    "haben, wie eine normale Woche aussieht und was sie gern früher gewusst "
                    "hätten.",
                ),
            ),
            event_type=EventPage.EventType.DOCTORAL_MEETING,
            venue=UWB_VENUE,
            address=UWB_ADDRESS,
            institution=uwb,
            **at(datetime.date(2024, 4, 18), "13:00", "16:00", PRAGUE),
        ),
        event(
            T("company-visit", "navsteva-firmy", "unternehmensbesuch"),
            T(
                "Company visit: research in industry",
                "Návštěva firmy: výzkum v průmyslu",
                "Unternehmensbesuch: Forschung in der Industrie",
            ),
            T(
                "What does research look like outside the university?",
                "Jak vypadá výzkum mimo univerzitu?",
                "Wie sieht Forschung außerhalb der Hochschule aus?",
            ),
            (
                T(
                    "The tandems visit the research and development department of a company "
                    "in the Pilsen region and meet engineers with a doctorate.",
                    "Tandemy navštíví oddělení výzkumu a vývoje firmy v Plzeňském kraji a "
                    "setkají se s inženýry s doktorátem.",
                    "Die Tandems besuchen die Forschungs- und Entwicklungsabteilung eines "
                    "Unternehmens in der Region Pilsen und treffen promovierte "
                    "Ingenieurinnen und Ingenieure.",
                ),
            ),
            event_type=EventPage.EventType.COMPANY_VISIT,
            venue=T("Pilsen region", "Plzeňský kraj", "Region Pilsen"),
            institution=uwb,
            **at(datetime.date(2024, 5, 16), "09:00", "13:00", PRAGUE),
        ),
        event(
            same("mentoring-forum-2024"),
            same("Mentoring Forum 2024"),
            T(
                "careerSTEPS presents the results of its pilot year at the conference of "
                "Czech university mentoring programmes.",
                "careerSTEPS představí výsledky pilotního ročníku na konferenci "
                "univerzitních mentoringových programů.",
                "careerSTEPS stellt auf der Konferenz der Mentoring-Programme tschechischer "
                "Hochschulen die Ergebnisse seines Pilotjahres vor.",
            ),
            (
                T(
                    "Two days of talks and discussions with the mentoring programmes of other "
                    "universities at the University of Pardubice.",
                    "Dva dny přednášek a diskusí s mentoringovými programy dalších univerzit "
                    "na Univerzitě Pardubice.",
                    "Zwei Tage mit Vorträgen und Diskussionen mit den Mentoring-Programmen "
                    "anderer Hochschulen an der Universität Pardubice.",
                ),
            ),
            event_type=EventPage.EventType.CONFERENCE,
            venue=T("University of Pardubice", "Univerzita Pardubice", "Universität Pardubice"),
            address=T(
                "Studentská 95, 532 10 Pardubice, Czechia",
                "Studentská 95, 532 10 Pardubice",
                "Studentská 95, 532 10 Pardubice, Tschechien",
            ),
            institution=None,
            starts_at=datetime.datetime(2024, 5, 29, 9, 0, tzinfo=zoneinfo.ZoneInfo(PRAGUE)),
            ends_at=datetime.datetime(2024, 5, 30, 15, 0, tzinfo=zoneinfo.ZoneInfo(PRAGUE)),
            timezone=PRAGUE,
        ),
        event(
            T("visit-oth-amberg-weiden", "navsteva-oth-amberg-weiden", "besuch-oth-amberg-weiden"),
            T(
                "Visit at OTH Amberg-Weiden",
                "Návštěva OTH Amberg-Weiden",
                "Besuch an der OTH Amberg-Weiden",
            ),
            T(
                "This time the mentors cross the border: a day at the Amberg campus.",
                "Tentokrát překročí hranici mentoři: den v kampusu v Ambergu.",
                "Diesmal überqueren die Mentorinnen und Mentoren die Grenze: ein Tag auf dem "
                "Campus Amberg.",
            ),
            (
                T(
                    "The mentees show their mentors where they study, and OTH Amberg-Weiden "
                    "presents its research and its laboratories.",
                    "Mentees ukážou svým mentorům, kde studují, a OTH Amberg-Weiden představí "
                    "svůj výzkum a laboratoře.",
                    "Die Mentees zeigen ihren Mentorinnen und Mentoren, wo sie studieren, und "
                    "die OTH Amberg-Weiden stellt ihre Forschung und ihre Labore vor.",
                ),
            ),
            event_type=EventPage.EventType.PROGRAMME_MEETING,
            venue=T(
                "OTH Amberg-Weiden, Amberg campus",
                "OTH Amberg-Weiden, kampus Amberg",
                "OTH Amberg-Weiden, Campus Amberg",
            ),
            address=T(
                "Kaiser-Wilhelm-Ring 23, 92224 Amberg, Germany",
                "Kaiser-Wilhelm-Ring 23, 92224 Amberg, Německo",
                "Kaiser-Wilhelm-Ring 23, 92224 Amberg",
            ),
            institution=oth,
            **at(datetime.date(2024, 6, 13), "10:00", "16:00", BERLIN),
        ),
        event(
            T("closing-meeting-2024", "zaverecne-setkani-2024", "abschlusstreffen-2024"),
            T(
                "Closing and evaluation meeting",
                "Závěrečné a hodnoticí setkání",
                "Abschluss- und Auswertungstreffen",
            ),
            T(
                "The pilot year ends: what worked, and what we change for the next cohort.",
                "Pilotní ročník končí: co fungovalo a co pro další ročník změníme.",
                "Das Pilotjahr endet: Was hat funktioniert, und was ändern wir für den "
                "nächsten Jahrgang?",
            ),
            (
                T(
                    "Mentees and mentors share their experience of the year. You can join in "
                    "Pilsen or online.",
                    "Mentees i mentoři se podělí o zkušenosti z celého roku. Připojit se "
                    "můžete v Plzni nebo online.",
                    "Mentees, Mentorinnen und Mentoren teilen ihre Erfahrungen aus dem Jahr. "
                    "Sie können in Pilsen oder online teilnehmen.",
                ),
            ),
            event_type=EventPage.EventType.PROGRAMME_MEETING,
            venue=UWB_VENUE,
            address=UWB_ADDRESS,
            online_url=f"{ONLINE_URL}-closing",
            institution=uwb,
            **at(datetime.date(2024, 7, 11), "14:00", "17:00", PRAGUE),
        ),
    ]
