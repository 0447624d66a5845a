"""Programme page: For mentees."""

from programme.models import ProgrammePage

from ..blocks import FAQ, CallToAction, Heading, text
from ..pages import PageSpec
from ..text import T

MENTEES = PageSpec(
    model=ProgrammePage,
    parent="",
    slug=T("for-mentees", "pro-mentees", "fuer-mentees"),
    title=T("For mentees", "Pro mentees", "Für Mentees"),
    show_in_menus=True,
    texts={
        "introduction": T(
            "Thinking about a doctorate, or simply curious what research is really like? "
            "Spend a year with a researcher who has been there.",
            "Uvažujete o doktorátu, nebo vás prostě zajímá, jak věda vypadá ve skutečnosti? "
            "Strávte rok s výzkumníkem, který tou cestou už prošel.",
            "Sie denken über eine Promotion nach oder möchten einfach wissen, wie Forschung "
            "wirklich aussieht? Verbringen Sie ein Jahr mit jemandem, der diesen Weg schon "
            "gegangen ist.",
        )
    },
    body=(
        Heading(T("Who can apply", "Kdo se může přihlásit", "Wer sich bewerben kann")),
        text(
            T(
                "Students of master's programmes and anyone interested in doctoral studies "
                "and a scientific career, at the partner institutions named for each cohort. "
                "In the pilot, the mentees were students of OTH Amberg-Weiden.",
                "Studující magisterských programů a všichni, kdo se zajímají o doktorské "
                "studium a vědeckou kariéru, na partnerských institucích uvedených u každého "
                "ročníku. V pilotním ročníku byli mentees studenti OTH Amberg-Weiden.",
                "Masterstudierende und alle, die sich für eine Promotion und eine "
                "wissenschaftliche Laufbahn interessieren, an den Partnerhochschulen, die für "
                "den jeweiligen Jahrgang genannt sind. Im Pilotdurchgang kamen die Mentees von "
                "der OTH Amberg-Weiden.",
            ),
        ),
        Heading(T("What you get", "Co získáte", "Was Sie erwartet")),
        text(
            T(
                "A mentor from the partner university across the border, chosen to match "
                "your interests, and a year of activities together:",
                "Mentora nebo mentorku z partnerské univerzity za hranicí (vybíráme je podle "
                "vašich zájmů) a rok společných aktivit:",
                "Eine Mentorin oder einen Mentor der Partnerhochschule jenseits der Grenze, "
                "passend zu Ihren Interessen ausgewählt, und ein Jahr gemeinsamer Aktivitäten:",
            ),
            bullets=(
                T(
                    "regular meetings, online or in person in Pilsen and in Amberg or Weiden",
                    "pravidelná setkání, online nebo osobně v Plzni a v Ambergu či Weidenu",
                    "regelmäßige Treffen, online oder vor Ort in Pilsen und in Amberg oder Weiden",
                ),
                T(
                    "workshops and conferences",
                    "workshopy a konference",
                    "Workshops und Konferenzen",
                ),
                T(
                    "meetings with doctoral students of the University of West Bohemia",
                    "setkání s doktorandy Západočeské univerzity",
                    "Treffen mit Promovierenden der Westböhmischen Universität",
                ),
                T(
                    "visits to laboratories and companies",
                    "návštěvy laboratoří a firem",
                    "Besuche in Laboren und Unternehmen",
                ),
            ),
        ),
        FAQ(
            title=T("Questions mentees ask", "Na co se mentees ptají", "Was Mentees fragen"),
            items=(
                (
                    T(
                        "Do I have to speak Czech?",
                        "Musím umět česky?",
                        "Muss ich Tschechisch sprechen?",
                    ),
                    T(
                        "No. Each tandem agrees on the language it works in; English and "
                        "German are the most common.",
                        "Ne. Každý tandem se dohodne, v jakém jazyce bude spolupracovat; "
                        "nejčastěji je to angličtina nebo němčina.",
                        "Nein. Jedes Tandem vereinbart selbst, in welcher Sprache es "
                        "arbeitet; am häufigsten sind es Englisch und Deutsch.",
                    ),
                ),
                (
                    T(
                        "Do I commit to a doctorate by taking part?",
                        "Zavazuji se účastí k doktorskému studiu?",
                        "Verpflichte ich mich mit der Teilnahme zu einer Promotion?",
                    ),
                    T(
                        "No. The programme is there to help you decide, whichever way you decide.",
                        "Ne. Program vám má pomoci se rozhodnout, ať už se rozhodnete jakkoli.",
                        "Nein. Das Programm soll Ihnen bei der Entscheidung helfen, wie auch "
                        "immer sie ausfällt.",
                    ),
                ),
                (
                    T(
                        "How is my mentor chosen?",
                        "Jak se vybírá můj mentor?",
                        "Wie wird meine Mentorin oder mein Mentor ausgewählt?",
                    ),
                    T(
                        "The coordinators read your application and look for a researcher "
                        "whose field and experience fit your profile and your goals.",
                        "Koordinátoři si přečtou vaši přihlášku a hledají výzkumníka nebo "
                        "výzkumnici, jejichž obor a zkušenosti odpovídají vašemu profilu a "
                        "cílům.",
                        "Das Koordinationsteam liest Ihre Bewerbung und sucht eine Forscherin "
                        "oder einen Forscher, deren Fachgebiet und Erfahrung zu Ihrem Profil "
                        "und Ihren Zielen passen.",
                    ),
                ),
            ),
        ),
        CallToAction(
            title=T("Ready to apply?", "Chcete se přihlásit?", "Bereit für die Bewerbung?"),
            text=T(
                "Choose a cohort whose applications are open.",
                "Vyberte si ročník, do kterého se právě můžete přihlásit.",
                "Wählen Sie einen Jahrgang, für den die Bewerbung gerade offen ist.",
            ),
            button=T("Apply as a mentee", "Přihlásit se jako mentee", "Als Mentee bewerben"),
            page="cohorts",
        ),
    ),
)
