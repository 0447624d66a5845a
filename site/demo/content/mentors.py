"""Programme page: For mentors."""

from programme.models import ProgrammePage

from ..blocks import FAQ, CallToAction, Heading, text
from ..pages import PageSpec
from ..text import T

MENTORS = PageSpec(
    model=ProgrammePage,
    parent="",
    slug=T("for-mentors", "pro-mentory", "fuer-mentorinnen-und-mentoren"),
    title=T("For mentors", "Pro mentory", "Für Mentorinnen und Mentoren"),
    show_in_menus=True,
    texts={
        "introduction": T(
            "Share what you know about research with a student from across the border, and "
            "help them decide whether science is their path.",
            "Podělte se o své zkušenosti s výzkumem se studentem nebo studentkou ze "
            "sousední země a pomozte jim rozhodnout se, zda je věda jejich cestou.",
            "Geben Sie Ihre Erfahrung in der Forschung an Studierende aus dem Nachbarland "
            "weiter und helfen Sie ihnen bei der Entscheidung, ob die Wissenschaft ihr Weg "
            "ist.",
        )
    },
    body=(
        Heading(T("Who we are looking for", "Koho hledáme", "Wen wir suchen")),
        text(
            T(
                "Researchers and academics of the partner universities, from any faculty and "
                "any field. In the pilot, ten mentors from across the University of West "
                "Bohemia volunteered, matched to the profiles of their mentees.",
                "Výzkumníky a akademiky partnerských univerzit z jakékoli fakulty a "
                "jakéhokoli oboru. V pilotním ročníku se přihlásilo deset mentorů a mentorek "
                "z celé Západočeské univerzity, vybraných podle profilů jejich mentees.",
                "Forschende und Lehrende der Partnerhochschulen aus allen Fakultäten und "
                "Fachgebieten. Im Pilotdurchgang haben sich zehn Mentorinnen und Mentoren aus "
                "der gesamten Westböhmischen Universität engagiert, passend zu den Profilen "
                "ihrer Mentees ausgewählt.",
            ),
        ),
        Heading(T("What it involves", "Co to obnáší", "Was dazugehört")),
        text(
            T(
                "You and your mentee agree on goals and on how often you meet, and put it "
                "into a short mentoring agreement. Over the year you:",
                "S mentee se dohodnete na cílech a na tom, jak často se budete scházet, a "
                "zapíšete to do krátké mentoringové dohody. Během roku:",
                "Sie vereinbaren mit Ihrer oder Ihrem Mentee Ziele und die Häufigkeit der "
                "Treffen und halten beides in einer kurzen Mentoring-Vereinbarung fest. Im "
                "Laufe des Jahres:",
            ),
            bullets=(
                T(
                    "meet your mentee online or in person, at your university or at the partner's",
                    "setkáváte se s mentee online nebo osobně, na své univerzitě nebo u partnera",
                    "treffen Sie sich online oder persönlich, an Ihrer Hochschule oder bei "
                    "der Partnerhochschule",
                ),
                T(
                    "show them your work, your laboratory and your team",
                    "ukážete svou práci, laboratoř a tým",
                    "zeigen Sie Ihre Arbeit, Ihr Labor und Ihr Team",
                ),
                T(
                    "talk openly about doctoral studies and academic careers",
                    "otevřeně mluvíte o doktorském studiu a akademické kariéře",
                    "sprechen Sie offen über Promotion und akademische Laufbahn",
                ),
            ),
        ),
        FAQ(
            title=T(
                "Questions mentors ask",
                "Na co se mentoři ptají",
                "Was Mentorinnen und Mentoren fragen",
            ),
            items=(
                (
                    T(
                        "How much time does it take?",
                        "Kolik času to zabere?",
                        "Wie viel Zeit kostet das?",
                    ),
                    T(
                        "Usually an hour or two a month, plus the joint events you choose to "
                        "attend. You set the rhythm together with your mentee.",
                        "Obvykle hodinu nebo dvě měsíčně a k tomu společné akce, kterých se "
                        "rozhodnete zúčastnit. Rytmus si určíte společně s mentee.",
                        "Meist ein bis zwei Stunden im Monat, dazu die gemeinsamen "
                        "Veranstaltungen, an denen Sie teilnehmen möchten. Den Rhythmus legen "
                        "Sie gemeinsam mit Ihrer oder Ihrem Mentee fest.",
                    ),
                ),
                (
                    T(
                        "Do I need mentoring experience?",
                        "Potřebuji zkušenosti s mentoringem?",
                        "Brauche ich Erfahrung im Mentoring?",
                    ),
                    T(
                        "No. What matters is your experience of research and your interest in "
                        "young people. The coordinators support every tandem.",
                        "Ne. Důležité jsou vaše zkušenosti s výzkumem a zájem o mladé lidi. "
                        "Koordinátoři podporují každý tandem.",
                        "Nein. Entscheidend sind Ihre Forschungserfahrung und Ihr Interesse an "
                        "jungen Menschen. Das Koordinationsteam unterstützt jedes Tandem.",
                    ),
                ),
            ),
        ),
        CallToAction(
            title=T("Become a mentor", "Staňte se mentorem", "Werden Sie Mentorin oder Mentor"),
            text=T(
                "Apply to a cohort whose applications are open.",
                "Přihlaste se do ročníku, který právě přijímá přihlášky.",
                "Bewerben Sie sich für einen Jahrgang, dessen Bewerbungsphase gerade läuft.",
            ),
            button=T("Apply as a mentor", "Přihlásit se jako mentor", "Als Mentor bewerben"),
            page="cohorts",
        ),
    ),
)
