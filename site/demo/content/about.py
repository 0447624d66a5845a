"""Programme page: About careerSTEPS."""

from programme.models import ProgrammePage

from ..blocks import Heading, People, Person, Quote, text
from ..pages import PageSpec
from ..text import T

UWB = T(
    "University of West Bohemia",
    "Západočeská univerzita v Plzni",
    "Westböhmische Universität Pilsen",
)
OTH = T("OTH Amberg-Weiden", "OTH Amberg-Weiden", "OTH Amberg-Weiden")

ABOUT = PageSpec(
    model=ProgrammePage,
    parent="",
    slug=T("about", "o-programu", "ueber-das-programm"),
    title=T("About careerSTEPS", "O programu careerSTEPS", "Über careerSTEPS"),
    show_in_menus=True,
    texts={
        "introduction": T(
            "A cross-border mentoring programme that helps young people find their way into "
            "doctoral studies and a scientific career.",
            "Přeshraniční mentoringový program, který mladým lidem pomáhá najít cestu "
            "k doktorskému studiu a vědecké kariéře.",
            "Ein grenzüberschreitendes Mentoring-Programm, das jungen Menschen den Weg in "
            "die Promotion und in eine wissenschaftliche Laufbahn ebnet.",
        )
    },
    body=(
        Heading(T("Why careerSTEPS", "Proč careerSTEPS", "Warum careerSTEPS")),
        text(
            T(
                "Fewer and fewer students choose doctoral studies and an academic career, in "
                "technical fields as much as in the humanities and social sciences. "
                "careerSTEPS wants to inspire and encourage those who are considering it.",
                "O doktorské studium a akademickou kariéru se zajímá stále méně studentů, a to "
                "v technických i netechnických oborech. careerSTEPS chce inspirovat a "
                "povzbudit ty, kdo o této cestě přemýšlejí.",
                "Immer weniger Studierende entscheiden sich für eine Promotion und eine "
                "akademische Laufbahn, in technischen wie in nichttechnischen Fächern. "
                "careerSTEPS will alle inspirieren und ermutigen, die mit diesem Weg "
                "liebäugeln.",
            ),
            T(
                "The programme is meant for students in master's programmes and for anyone "
                "interested in doctoral studies. Each of them is paired with an experienced "
                "researcher from the partner university across the border.",
                "Program je určen studujícím magisterských programů a všem, kdo uvažují "
                "o doktorském studiu. Každý z nich dostane do dvojice zkušeného výzkumníka "
                "či výzkumnici z partnerské univerzity za hranicí.",
                "Das Programm richtet sich an Masterstudierende und an alle, die sich für "
                "eine Promotion interessieren. Sie alle bilden ein Tandem mit einer "
                "erfahrenen Forscherin oder einem erfahrenen Forscher der Partnerhochschule "
                "jenseits der Grenze.",
            ),
        ),
        Heading(T("Who is behind it", "Kdo za programem stojí", "Wer dahintersteht")),
        text(
            T(
                "careerSTEPS was launched by the University of West Bohemia in Pilsen together "
                "with its German partner OTH Amberg-Weiden, within the career4PROF project.",
                "Program careerSTEPS spustila Západočeská univerzita v Plzni společně se svou "
                "německou partnerskou vysokou školou OTH Amberg-Weiden v rámci projektu "
                "career4PROF.",
                "careerSTEPS wurde von der Westböhmischen Universität Pilsen gemeinsam mit "
                "ihrer deutschen Partnerhochschule, der OTH Amberg-Weiden, im Rahmen des "
                "Projekts career4PROF ins Leben gerufen.",
            ),
            T(
                "At its heart are cross-border tandems of a mentee and a mentor. Every tandem "
                "signs a mentoring agreement tailored to what the mentee wants to achieve and "
                "what the mentor can offer.",
                "Jádrem programu jsou přeshraniční tandemy mentee a mentora. Každý tandem "
                "podepisuje mentoringovou dohodu šitou na míru tomu, čeho chce mentee "
                "dosáhnout a co může mentor nabídnout.",
                "Im Mittelpunkt stehen grenzüberschreitende Tandems aus Mentee und Mentorin "
                "oder Mentor. Jedes Tandem schließt eine Mentoring-Vereinbarung, die genau auf "
                "die Wünsche und Bedürfnisse beider Seiten zugeschnitten ist.",
            ),
        ),
        Quote(
            text=T(
                "Among all the universities at the Mentoring Forum, we were the only one that "
                "had actually launched a cross-border mentoring programme.",
                "Ze všech univerzit na Mentoring Forum jsme byli jediní, kdo skutečně spustil "
                "přeshraniční mentoringový program.",
                "Von allen Hochschulen beim Mentoring Forum waren wir die einzige, die "
                "tatsächlich ein grenzüberschreitendes Mentoring-Programm gestartet hatte.",
            ),
            name=T("careerSTEPS team", "Tým careerSTEPS", "careerSTEPS-Team"),
            role=T(
                "after the Mentoring Forum 2024 in Pardubice",
                "po konferenci Mentoring Forum 2024 v Pardubicích",
                "nach dem Mentoring Forum 2024 in Pardubice",
            ),
        ),
        People(
            title=T("Partners", "Partneři", "Partner"),
            people=(
                Person(
                    name=T(
                        "careerSTEPS team in Pilsen",
                        "Tým careerSTEPS v Plzni",
                        "careerSTEPS-Team in Pilsen",
                    ),
                    role=T(
                        "Coordination, mentors",
                        "Koordinace, mentoři",
                        "Koordination, Mentorinnen und Mentoren",
                    ),
                    institution=UWB,
                    bio=T(
                        "Finds mentors across all faculties of the university and organises "
                        "meetings with doctoral students and visits to laboratories.",
                        "Hledá mentory napříč všemi fakultami univerzity a organizuje setkání "
                        "s doktorandy a návštěvy laboratoří.",
                        "Gewinnt Mentorinnen und Mentoren aus allen Fakultäten der Universität "
                        "und organisiert Treffen mit Promovierenden und Laborbesuche.",
                    ),
                ),
                Person(
                    name=T(
                        "careerSTEPS team in Amberg and Weiden",
                        "Tým careerSTEPS v Ambergu a Weidenu",
                        "careerSTEPS-Team in Amberg und Weiden",
                    ),
                    role=T(
                        "Coordination, mentees",
                        "Koordinace, mentees",
                        "Koordination, Mentees",
                    ),
                    institution=OTH,
                    bio=T(
                        "Brings the programme to students in Bavaria and hosts the visit of "
                        "the tandems at OTH Amberg-Weiden.",
                        "Představuje program studentům v Bavorsku a hostí návštěvu tandemů na "
                        "OTH Amberg-Weiden.",
                        "Stellt das Programm den Studierenden in Bayern vor und empfängt die "
                        "Tandems zum Besuch an der OTH Amberg-Weiden.",
                    ),
                ),
            ),
        ),
    ),
)
