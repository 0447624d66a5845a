"""Programme page: How a mentoring year runs."""

from programme.models import ProgrammePage

from ..blocks import FAQ, CallToAction, Heading, Quote, text
from ..pages import PageSpec
from ..text import T

YEAR = PageSpec(
    model=ProgrammePage,
    parent="",
    slug=T("mentoring-year", "mentoringovy-rok", "mentoring-jahr"),
    title=T(
        "How a mentoring year runs",
        "Jak probíhá mentoringový rok",
        "So läuft ein Mentoring-Jahr ab",
    ),
    show_in_menus=True,
    texts={
        "introduction": T(
            "From the application to the closing meeting: a cohort follows the academic "
            "year, from November to July.",
            "Od přihlášky po závěrečné setkání: ročník kopíruje akademický rok, od listopadu "
            "do července.",
            "Von der Bewerbung bis zum Abschlusstreffen: Ein Jahrgang folgt dem Studienjahr, "
            "von November bis Juli.",
        )
    },
    body=(
        Heading(T("Before the start", "Před začátkem", "Vor dem Start")),
        text(
            T(
                "Mentees and mentors apply online. The coordinators of both universities "
                "review the applications and form tandems whose fields and goals fit "
                "together.",
                "Mentees i mentoři se přihlašují online. Koordinátoři obou univerzit "
                "přihlášky posoudí a sestaví tandemy, jejichž obory a cíle k sobě sedí.",
                "Mentees sowie Mentorinnen und Mentoren bewerben sich online. Die "
                "Koordinationsteams beider Hochschulen prüfen die Bewerbungen und bilden "
                "Tandems, deren Fachgebiete und Ziele zusammenpassen.",
            ),
        ),
        Heading(T("November: kick-off", "Listopad: zahájení", "November: Auftakt")),
        text(
            T(
                "The cohort meets for the first time. Each tandem then signs its mentoring "
                "agreement, tailored to the wishes and needs of the mentee and the mentor.",
                "Ročník se poprvé sejde. Každý tandem pak podepíše svou mentoringovou dohodu, "
                "přizpůsobenou přáním a potřebám mentee i mentora.",
                "Der Jahrgang trifft sich zum ersten Mal. Danach unterzeichnet jedes Tandem "
                "seine Mentoring-Vereinbarung, zugeschnitten auf die Wünsche und Bedürfnisse "
                "von Mentee und Mentor.",
            ),
        ),
        Heading(
            T(
                "December to June: together",
                "Prosinec až červen: společně",
                "Dezember bis Juni: gemeinsam",
            )
        ),
        text(
            T(
                "Tandems meet on agreed dates: online, in person at the University of West "
                "Bohemia or at OTH Amberg-Weiden. They also join activities of the programme:",
                "Tandemy se scházejí v dohodnutých termínech: online, osobně na Západočeské "
                "univerzitě nebo na OTH Amberg-Weiden. Zapojují se také do společných "
                "aktivit programu:",
                "Die Tandems treffen sich zu vereinbarten Terminen: online, vor Ort an der "
                "Westböhmischen Universität oder an der OTH Amberg-Weiden. Außerdem nehmen "
                "sie an den Angeboten des Programms teil:",
            ),
            bullets=(
                T("workshops", "workshopy", "Workshops"),
                T("conferences", "konference", "Konferenzen"),
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
        Heading(
            T(
                "July: closing and evaluation",
                "Červenec: závěr a hodnocení",
                "Juli: Abschluss und Auswertung",
            )
        ),
        text(
            T(
                "The year ends with a closing meeting. Mentees and mentors look back on "
                "what they achieved, and their feedback shapes the next cohort.",
                "Rok končí závěrečným setkáním. Mentees i mentoři se ohlédnou za tím, čeho "
                "dosáhli, a jejich zpětná vazba pomáhá připravit další ročník.",
                "Das Jahr endet mit einem Abschlusstreffen. Mentees und Mentoren blicken auf "
                "das Erreichte zurück, und ihre Rückmeldungen prägen den nächsten Jahrgang.",
            ),
        ),
        Quote(
            text=T(
                "The mentoring agreement is not a form to fill in, it is the plan of the year: "
                "what the mentee wants to find out and how the mentor can help.",
                "Mentoringová dohoda není formulář k vyplnění, je to plán celého roku: co chce "
                "mentee zjistit a jak v tom může pomoci mentor.",
                "Die Mentoring-Vereinbarung ist kein Formular, sondern der Plan für das Jahr: "
                "Was will die oder der Mentee herausfinden, und wie kann die Mentorin oder der "
                "Mentor dabei helfen?",
            ),
            name=T("careerSTEPS team", "Tým careerSTEPS", "careerSTEPS-Team"),
            role=T("coordinators", "koordinátoři", "Koordination"),
        ),
        FAQ(
            title=T("Good to know", "Dobré vědět", "Gut zu wissen"),
            items=(
                (
                    T(
                        "How many tandems does a cohort have?",
                        "Kolik tandemů má jeden ročník?",
                        "Wie viele Tandems hat ein Jahrgang?",
                    ),
                    T(
                        "The pilot had ten. Each cohort page says how many places it offers.",
                        "Pilotní ročník jich měl deset. Kolik míst nabízí, uvádí stránka "
                        "každého ročníku.",
                        "Der Pilotdurchgang hatte zehn. Wie viele Plätze es gibt, steht auf "
                        "der Seite des jeweiligen Jahrgangs.",
                    ),
                ),
                (
                    T(
                        "Who pays for travel to the joint events?",
                        "Kdo hradí cestu na společné akce?",
                        "Wer bezahlt die Reisen zu den gemeinsamen Terminen?",
                    ),
                    T(
                        "The coordinators tell each cohort which trips the programme covers "
                        "before it starts.",
                        "Které cesty program hradí, sdělí koordinátoři každému ročníku před "
                        "jeho začátkem.",
                        "Welche Fahrten das Programm übernimmt, erfährt jeder Jahrgang vor dem "
                        "Start vom Koordinationsteam.",
                    ),
                ),
            ),
        ),
        CallToAction(
            title=T(
                "What happened in the pilot",
                "Co se dělo v pilotním ročníku",
                "Was im Pilotdurchgang geschah",
            ),
            text=T(
                "Workshops, visits and meetings of the 2023/24 cohort.",
                "Workshopy, návštěvy a setkání ročníku 2023/24.",
                "Workshops, Besuche und Treffen des Jahrgangs 2023/24.",
            ),
            button=T("See the events", "Zobrazit akce", "Zu den Veranstaltungen"),
            page="events",
        ),
    ),
)
