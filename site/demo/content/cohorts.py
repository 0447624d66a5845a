"""Cohorts: the 2023/24 pilot as it ran, and the intake whose applications are open now."""

from __future__ import annotations

import datetime
import zoneinfo

from cohorts.models import CohortPage
from events.models import EventPage

from ..blocks import CallToAction, text
from ..pages import PageSpec
from ..text import T, date_text

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")


def midnight(day: datetime.date) -> datetime.datetime:
    """The start of ``day`` in Pilsen, when an application window opens."""
    return datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=PRAGUE)


def last_minute(day: datetime.date) -> datetime.datetime:
    """23:59 on ``day`` in Pilsen: a window "until 9 January" closes at the end of that day."""
    return datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=PRAGUE)


def pilot_cohort(uwb, oth) -> PageSpec:
    return PageSpec(
        model=CohortPage,
        parent="cohorts",
        slug=T("pilot-2023-24", "pilotni-rocnik-2023-24", "pilotjahrgang-2023-24"),
        title=T("Pilot cohort 2023/24", "Pilotní ročník 2023/24", "Pilotjahrgang 2023/24"),
        texts={
            "introduction": T(
                "The first year of careerSTEPS: ten mentees from OTH Amberg-Weiden, ten "
                "mentors from the University of West Bohemia, from November 2023 to July 2024.",
                "První rok programu careerSTEPS: deset mentees z OTH Amberg-Weiden, deset "
                "mentorů ze Západočeské univerzity, od listopadu 2023 do července 2024.",
                "Das erste careerSTEPS-Jahr: zehn Mentees der OTH Amberg-Weiden, zehn "
                "Mentorinnen und Mentoren der Westböhmischen Universität, von November 2023 "
                "bis Juli 2024.",
            )
        },
        fields={
            # The pilot's call ran in the autumn of 2023 (illustrative days).
            "application_opens_at": midnight(datetime.date(2023, 9, 18)),
            "application_closes_at": last_minute(datetime.date(2023, 10, 20)),
            "programme_starts_on": datetime.date(2023, 11, 1),
            "programme_ends_on": datetime.date(2024, 7, 31),
            "capacity": 10,
            "mentee_institutions": [oth],
            "mentor_institutions": [uwb],
        },
        body=(
            text(
                T(
                    "Ten students from Bavaria applied. For each of them the coordinators "
                    "found a researcher at the University of West Bohemia who matched the "
                    "mentee's profile, and every pair signed a mentoring agreement of its own.",
                    "Přihlásilo se deset studentů z Bavorska. Pro každého z nich našli "
                    "koordinátoři na Západočeské univerzitě výzkumníka odpovídajícího profilu "
                    "mentee a každá dvojice podepsala vlastní mentoringovou dohodu.",
                    "Zehn Studierende aus Bayern haben sich beworben. Für jede und jeden fand "
                    "das Koordinationsteam an der Westböhmischen Universität eine passende "
                    "Forscherin oder einen passenden Forscher, und jedes Paar unterzeichnete "
                    "seine eigene Mentoring-Vereinbarung.",
                ),
                T(
                    "The pilot was presented as best practice at Mentoring Forum 2024 and "
                    "evaluated in the summer of 2024.",
                    "Pilotní ročník byl představen jako příklad dobré praxe na Mentoring Forum "
                    "2024 a v létě 2024 vyhodnocen.",
                    "Der Pilotdurchgang wurde beim Mentoring Forum 2024 als Best Practice "
                    "vorgestellt und im Sommer 2024 ausgewertet.",
                ),
            ),
            CallToAction(
                title=T(
                    "Read about the Mentoring Forum",
                    "Přečtěte si o Mentoring Forum",
                    "Mehr zum Mentoring Forum",
                ),
                text=T(
                    "How careerSTEPS became an example for other universities.",
                    "Jak se careerSTEPS stal příkladem pro další univerzity.",
                    "Wie careerSTEPS zum Vorbild für andere Hochschulen wurde.",
                ),
                button=T("Read the article", "Přečíst článek", "Zum Artikel"),
                page="news/mentoring-forum-2024",
            ),
        ),
    )


def programme_dates(last_day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """When a cohort whose applications close on ``last_day`` runs.

    Three weeks for review and matching, then the programme starts on the first of the next
    month and ends on 31 July, like every cohort. A start in May to July would leave no real
    year, so that intake starts in November instead.
    """
    ready = last_day + datetime.timedelta(days=21)
    starts = (ready.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    if starts.month in (5, 6, 7):
        starts = datetime.date(starts.year, 11, 1)
    ends_year = starts.year + 1 if starts.month >= 8 else starts.year
    return starts, datetime.date(ends_year, 7, 31)


def academic_year(starts: datetime.date) -> str:
    first = starts.year if starts.month >= 8 else starts.year - 1
    return f"{first}/{str(first + 1)[-2:]}"


def open_cohort(uwb, oth, opens: datetime.date, last_day: datetime.date) -> PageSpec:
    """The next intake, its applications open from ``opens`` until the end of ``last_day``."""
    starts, ends = programme_dates(last_day)
    year = academic_year(starts)
    dates = {"last_day": date_text(last_day), "starts": date_text(starts), "ends": date_text(ends)}
    paragraphs = [
        T(
            "Applications are open until {last_day}. The mentoring year runs from {starts} to "
            "{ends}.",
            "Přihlášky přijímáme do {last_day}. Mentoringový rok potrvá od {starts} do {ends}.",
            "Bewerbungen sind bis zum {last_day} möglich. Das Mentoring-Jahr dauert vom "
            "{starts} bis zum {ends}.",
        ).format(**dates),
        T(
            "From this cohort on, tandems work in both directions: students of either "
            "university may apply as mentees, researchers of either as mentors.",
            "Od tohoto ročníku fungují tandemy oběma směry: jako mentees se mohou hlásit "
            "studující obou univerzit, jako mentoři výzkumníci obou univerzit.",
            "Ab diesem Jahrgang funktionieren die Tandems in beide Richtungen: Als Mentees "
            "können sich Studierende beider Hochschulen bewerben, als Mentorinnen und Mentoren "
            "Forschende beider Hochschulen.",
        ),
    ]
    if starts.month != 11:
        paragraphs.append(
            T(
                "Unlike the pilot, this intake does not start in November: it begins after "
                "the winter exams, so its mentoring year is shorter, and it still ends with "
                "the joint closing and evaluation meeting in July.",
                "Na rozdíl od pilotního ročníku tento běh nezačíná v listopadu, ale až po "
                "zimním zkouškovém období. Mentoringový rok je proto kratší, přesto končí "
                "společným závěrečným a hodnoticím setkáním v červenci.",
                "Anders als der Pilotdurchgang beginnt dieser Jahrgang nicht im November, "
                "sondern nach den Prüfungen des Wintersemesters. Das Mentoring-Jahr ist daher "
                "kürzer und endet trotzdem mit dem gemeinsamen Abschluss- und "
                "Auswertungstreffen im Juli.",
            )
        )
    return PageSpec(
        model=CohortPage,
        parent="cohorts",
        slug=T("cohort-{slug}", "rocnik-{slug}", "jahrgang-{slug}").format(
            slug=year.replace("/", "-")
        ),
        title=T("Cohort {year}", "Ročník {year}", "Jahrgang {year}").format(year=year),
        texts={
            "introduction": T(
                "Applications are open: apply as a mentee or as a mentor by {last_day}.",
                "Přihlášky jsou otevřené: přihlaste se jako mentee nebo mentor do {last_day}.",
                "Die Bewerbung läuft: Bewerben Sie sich als Mentee oder als Mentorin bzw. "
                "Mentor bis zum {last_day}.",
            ).format(**dates)
        },
        fields={
            "application_opens_at": midnight(opens),
            "application_closes_at": last_minute(last_day),
            "programme_starts_on": starts,
            "programme_ends_on": ends,
            "capacity": 10,
            "mentee_institutions": [oth, uwb],
            "mentor_institutions": [uwb, oth],
        },
        body=(
            text(*paragraphs),
            CallToAction(
                title=T("Not sure yet?", "Ještě váháte?", "Noch unsicher?"),
                text=T(
                    "Read what the programme offers mentees.",
                    "Přečtěte si, co program nabízí mentees.",
                    "Lesen Sie, was das Programm Mentees bietet.",
                ),
                button=T("For mentees", "Pro mentees", "Für Mentees"),
                page="for-mentees",
            ),
        ),
    )


def information_session(opens: datetime.date, last_day: datetime.date, uwb) -> PageSpec:
    """An online information session for the open intake, on a Wednesday in its window."""
    day = opens + datetime.timedelta(days=21)
    day += datetime.timedelta(days=(2 - day.weekday()) % 7)  # the next Wednesday
    year = academic_year(programme_dates(last_day)[0])
    starts = datetime.datetime.combine(day, datetime.time(17, 0), tzinfo=PRAGUE)
    return PageSpec(
        model=EventPage,
        parent="events",
        slug=T(
            "information-session-{slug}", "informacni-setkani-{slug}", "infoveranstaltung-{slug}"
        ).format(slug=year.replace("/", "-")),
        title=T(
            "Online information session: cohort {year}",
            "Online informační setkání: ročník {year}",
            "Online-Infoveranstaltung: Jahrgang {year}",
        ).format(year=year),
        texts={
            "introduction": T(
                "Meet the coordinators and tandems of earlier cohorts, and ask anything "
                "about applying.",
                "Seznamte se s koordinátory a tandemy z dřívějších ročníků a zeptejte se na "
                "cokoli ohledně přihlášky.",
                "Lernen Sie das Koordinationsteam und Tandems früherer Jahrgänge kennen und "
                "stellen Sie alle Fragen zur Bewerbung.",
            ),
            "venue": T("Online", "Online", "Online"),
        },
        fields={
            "event_type": EventPage.EventType.PROGRAMME_MEETING,
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=1),
            "timezone": "Europe/Prague",
            "online_url": "https://meet.example.org/careersteps-information",
            "institution": uwb,
        },
        body=(
            text(
                T(
                    "One hour, in English, with time for questions in Czech and German.",
                    "Jedna hodina v angličtině, s prostorem pro otázky v češtině a němčině.",
                    "Eine Stunde auf Englisch, mit Zeit für Fragen auf Deutsch und Tschechisch.",
                ),
            ),
        ),
    )
