"""What applicants answer with: disciplines, the privacy notice, the two forms, the rubrics.

Disciplines and the privacy notice are translatable snippets; the forms are pages under each
cohort, built from the applications app's core questions (its default block list), with an
introduction in three languages. The rubrics are translated snippets too.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from ..text import T
from .cohorts import midnight

#: key -> name, the shared field-of-research taxonomy mentees and mentors are matched on.
DISCIPLINES: dict[str, T] = {
    "mechanical-engineering": T("Mechanical engineering", "Strojní inženýrství", "Maschinenbau"),
    "electrical-engineering": T(
        "Electrical engineering", "Elektrotechnika", "Elektro- und Informationstechnik"
    ),
    "computer-science": T("Computer science", "Informatika", "Informatik"),
    "applied-mathematics": T(
        "Applied mathematics", "Aplikovaná matematika", "Angewandte Mathematik"
    ),
    "economics": T(
        "Economics and management", "Ekonomie a management", "Wirtschaft und Management"
    ),
    "industrial-engineering": T(
        "Industrial engineering", "Průmyslové inženýrství", "Wirtschaftsingenieurwesen"
    ),
    "environmental-engineering": T(
        "Energy and environmental engineering",
        "Energetika a environmentální inženýrství",
        "Energie- und Umwelttechnik",
    ),
    "medical-technology": T(
        "Medical technology and health care",
        "Zdravotnická technika a péče o zdraví",
        "Medizintechnik und Gesundheit",
    ),
    "languages-and-cultures": T(
        "Languages and intercultural studies",
        "Jazyky a interkulturní studia",
        "Sprachen und interkulturelle Studien",
    ),
}

PRIVACY_VERSION = "2023-09"
PRIVACY_EFFECTIVE_FROM = midnight(datetime.date(2023, 9, 1))
PRIVACY_TITLE = T(
    "Privacy notice for applicants",
    "Informace o zpracování osobních údajů uchazečů",
    "Datenschutzhinweise für Bewerberinnen und Bewerber",
)
PRIVACY_TEXT = (
    T(
        "The University of West Bohemia and OTH Amberg-Weiden process the data in your "
        "application only to select and match the participants of careerSTEPS.",
        "Západočeská univerzita a OTH Amberg-Weiden zpracovávají údaje z vaší přihlášky "
        "pouze za účelem výběru a párování účastníků programu careerSTEPS.",
        "Die Westböhmische Universität und die OTH Amberg-Weiden verarbeiten die Angaben Ihrer "
        "Bewerbung nur, um die Teilnehmenden von careerSTEPS auszuwählen und zusammenzubringen.",
    ),
    T(
        "Your CV is seen only by the programme's coordinators and reviewers. Applications "
        "that are not accepted are deleted one year after the end of the cohort.",
        "Váš životopis vidí pouze koordinátoři a hodnotitelé programu. Nepřijaté přihlášky "
        "mažeme rok po skončení ročníku.",
        "Ihren Lebenslauf sehen nur die Koordinatorinnen, Koordinatoren und Gutachtenden des "
        "Programms. Nicht angenommene Bewerbungen löschen wir ein Jahr nach Ende des Jahrgangs.",
    ),
)

FORMS: dict[str, dict[str, T]] = {
    "mentee": {
        "slug": T("apply-as-mentee", "prihlaska-mentee", "bewerbung-mentee"),
        "title": T("Apply as a mentee", "Přihláška pro mentees", "Bewerbung als Mentee"),
        "introduction": T(
            "Master's students and graduates who are thinking about a doctorate: tell us "
            "about your studies and your goals, and we will find you a researcher across "
            "the border who has walked that path.",
            "Studenti a absolventi magisterského studia, kteří uvažují o doktorátu: napište "
            "nám o svém studiu a svých cílech a my vám najdeme výzkumníka za hranicí, který "
            "touto cestou už prošel.",
            "Masterstudierende und Absolventinnen und Absolventen, die über eine Promotion "
            "nachdenken: Erzählen Sie uns von Ihrem Studium und Ihren Zielen, und wir finden "
            "jenseits der Grenze eine Forscherin oder einen Forscher, die diesen Weg kennen.",
        ),
    },
    "mentor": {
        "slug": T("apply-as-mentor", "prihlaska-mentor", "bewerbung-mentor"),
        # German role nouns as in locales/de/STYLE.md ("Mentor/in"); no months here: the
        # cohort page gives each intake's own dates (the open one does not start in November).
        "title": T("Apply as a mentor", "Přihláška pro mentory", "Bewerbung als Mentor/in"),
        "introduction": T(
            "Researchers of the partner universities: share your experience with a student "
            "from the other side of the border, for about two hours a month, until the "
            "closing meeting in July.",
            "Výzkumníci partnerských univerzit: podělte se o své zkušenosti se studentem "
            "z druhé strany hranice, zhruba dvě hodiny měsíčně, až do závěrečného setkání "
            "v červenci.",
            "Forschende der Partnerhochschulen: Teilen Sie Ihre Erfahrung mit einer oder einem "
            "Studierenden von der anderen Seite der Grenze, etwa zwei Stunden im Monat, bis "
            "zum Abschlusstreffen im Juli.",
        ),
    },
}

#: role -> (rubric name, [(criterion, guidance, weight)]).
RUBRICS: dict[str, tuple[T, list[tuple[T, T, Decimal]]]] = {
    "mentee": (
        T("Mentee applications", "Přihlášky mentees", "Bewerbungen von Mentees"),
        [
            (
                T("Motivation and goals", "Motivace a cíle", "Motivation und Ziele"),
                T(
                    "Are the goals concrete, and can a mentor help with them?",
                    "Jsou cíle konkrétní a může s nimi mentor pomoci?",
                    "Sind die Ziele konkret, und kann eine Mentorin oder ein Mentor helfen?",
                ),
                Decimal("2"),
            ),
            (
                T("Academic profile", "Akademický profil", "Akademisches Profil"),
                T(
                    "Studies, projects and first research experience.",
                    "Studium, projekty a první zkušenosti s výzkumem.",
                    "Studium, Projekte und erste Forschungserfahrung.",
                ),
                Decimal("1"),
            ),
            (
                T("Fit with the programme", "Soulad s programem", "Passung zum Programm"),
                T(
                    "A doctorate or research career in view.",
                    "Výhled na doktorát nebo výzkumnou kariéru.",
                    "Eine Promotion oder Forschungslaufbahn in Sicht.",
                ),
                Decimal("1"),
            ),
        ],
    ),
    "mentor": (
        T("Mentor applications", "Přihlášky mentorů", "Bewerbungen von Mentorinnen und Mentoren"),
        [
            (
                T("Expertise", "Odbornost", "Fachliche Expertise"),
                T(
                    "Research and supervision experience in the field.",
                    "Zkušenosti s výzkumem a vedením studentů v oboru.",
                    "Forschungs- und Betreuungserfahrung im Fach.",
                ),
                Decimal("1"),
            ),
            (
                T("Mentoring commitment", "Závazek k mentoringu", "Engagement für das Mentoring"),
                T(
                    "Time, availability and a clear idea of the role.",
                    "Čas, dostupnost a jasná představa o roli mentora.",
                    "Zeit, Erreichbarkeit und eine klare Vorstellung von der Rolle.",
                ),
                Decimal("1"),
            ),
            (
                T("Languages", "Jazyky", "Sprachen"),
                T(
                    "Can mentor in German or English.",
                    "Může vést mentoring v němčině nebo angličtině.",
                    "Kann auf Deutsch oder Englisch mentorieren.",
                ),
                Decimal("1"),
            ),
        ],
    ),
}
