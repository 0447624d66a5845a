"""The home page (the English root page a migration creates; the demo fills it in)."""

from home.models import HomePage

from ..blocks import CallToAction, Heading, text
from ..pages import PageSpec
from ..text import T, same

HOME = PageSpec(
    model=HomePage,
    parent="",
    root=True,
    slug=T("home", "domu", "startseite"),
    title=same("careerSTEPS"),
    texts={
        "introduction": T(
            "Cross-border mentoring for master's students and future doctoral students: "
            "researchers of the University of West Bohemia in Pilsen and OTH Amberg-Weiden "
            "open the door to a career in science.",
            "Přeshraniční mentoring pro studující magisterských programů a budoucí "
            "doktorandy: výzkumníci Západočeské univerzity v Plzni a OTH Amberg-Weiden "
            "otevírají dveře ke kariéře ve vědě.",
            "Grenzüberschreitendes Mentoring für Masterstudierende und künftige "
            "Promovierende: Forschende der Westböhmischen Universität Pilsen und der "
            "OTH Amberg-Weiden öffnen die Tür zu einer wissenschaftlichen Laufbahn.",
        )
    },
    body=(
        Heading(
            T("Two countries, one tandem", "Dvě země, jeden tandem", "Zwei Länder, ein Tandem")
        ),
        text(
            T(
                "In careerSTEPS a student from one side of the border works for a whole "
                "academic year with a researcher from the other side. Together they plan "
                "the next steps: a master's thesis, a doctorate, a first research project.",
                "V programu careerSTEPS spolupracuje student nebo studentka z jedné strany "
                "hranice celý akademický rok s výzkumníkem či výzkumnicí z druhé strany. "
                "Společně plánují další kroky: diplomovou práci, doktorát, první výzkumný "
                "projekt.",
                "Bei careerSTEPS arbeitet eine Studentin oder ein Student von der einen Seite "
                "der Grenze ein ganzes Studienjahr lang mit einer Forscherin oder einem "
                "Forscher von der anderen Seite zusammen. Gemeinsam planen sie die nächsten "
                "Schritte: die Masterarbeit, die Promotion, ein erstes Forschungsprojekt.",
            ),
            T(
                "The pilot ran from November 2023 to July 2024 with ten tandems: ten mentees "
                "from Bavaria and ten mentors from across the University of West Bohemia. "
                "In May 2024 the programme was presented as an example of best practice at "
                "the Mentoring Forum in Pardubice.",
                "Pilotní ročník probíhal od listopadu 2023 do července 2024 s deseti tandemy: "
                "deset mentees z Bavorska a deset mentorů a mentorek z celé Západočeské "
                "univerzity. V květnu 2024 byl program představen jako příklad dobré praxe na "
                "Mentoring Forum v Pardubicích.",
                "Der Pilotdurchgang lief von November 2023 bis Juli 2024 mit zehn Tandems: "
                "zehn Mentees aus Bayern und zehn Mentorinnen und Mentoren aus der gesamten "
                "Westböhmischen Universität. Im Mai 2024 wurde das Programm beim Mentoring "
                "Forum in Pardubice als Best-Practice-Beispiel vorgestellt.",
            ),
        ),
        CallToAction(
            title=T(
                "Applications for the next cohort are open",
                "Přihlášky do dalšího ročníku jsou otevřené",
                "Die Bewerbung für den nächsten Jahrgang läuft",
            ),
            text=T(
                "See the dates, who may apply and how the selection works.",
                "Podívejte se na termíny, kdo se může přihlásit a jak probíhá výběr.",
                "Hier finden Sie die Termine, wer sich bewerben kann und wie die Auswahl abläuft.",
            ),
            button=T("See the cohorts", "Zobrazit ročníky", "Zu den Jahrgängen"),
            page="cohorts",
        ),
        CallToAction(
            title=T(
                "Researchers: become a mentor",
                "Výzkumníci a výzkumnice: staňte se mentorem",
                "Forschende: Werden Sie Mentorin oder Mentor",
            ),
            text=T(
                "An hour or two a month, a year of shared curiosity and a new contact across "
                "the border.",
                "Hodina nebo dvě měsíčně, rok sdílené zvídavosti a nový kontakt za hranicí.",
                "Ein bis zwei Stunden im Monat, ein Jahr gemeinsamer Neugier und ein neuer "
                "Kontakt über die Grenze hinweg.",
            ),
            button=T("For mentors", "Pro mentory", "Für Mentorinnen und Mentoren"),
            page="for-mentors",
        ),
    ),
)
