"""News of the pilot year, written after the UWB article of 11 June 2024 (in our own words)."""

import datetime

from news.models import NewsPage

from ..blocks import CallToAction, Quote, text
from ..pages import PageSpec
from ..text import T

TEAM = T("careerSTEPS team", "Tým careerSTEPS", "careerSTEPS-Team")

LAUNCH = PageSpec(
    model=NewsPage,
    parent="news",
    slug=T("pilot-launched", "pilotni-rocnik-zahajen", "pilotdurchgang-gestartet"),
    title=T(
        "careerSTEPS pilot launched: ten cross-border tandems",
        "Pilotní ročník careerSTEPS zahájen: deset přeshraničních tandemů",
        "careerSTEPS-Pilot gestartet: zehn grenzüberschreitende Tandems",
    ),
    fields={"date_published": datetime.date(2023, 11, 20)},
    texts={
        "introduction": T(
            "Ten students from Bavaria and ten researchers of the University of West Bohemia "
            "start the first year of the programme.",
            "Deset studentů z Bavorska a deset výzkumníků Západočeské univerzity začíná první "
            "rok programu.",
            "Zehn Studierende aus Bayern und zehn Forschende der Westböhmischen Universität "
            "beginnen das erste Programmjahr.",
        ),
        "author": TEAM,
    },
    body=(
        text(
            T(
                "The University of West Bohemia in Pilsen and its German partner OTH "
                "Amberg-Weiden have started careerSTEPS, a cross-border mentoring programme "
                "created within the career4PROF project.",
                "Západočeská univerzita v Plzni a její německý partner OTH Amberg-Weiden "
                "spustily careerSTEPS, přeshraniční mentoringový program vytvořený v rámci "
                "projektu career4PROF.",
                "Die Westböhmische Universität Pilsen und ihre deutsche Partnerhochschule, "
                "die OTH Amberg-Weiden, haben careerSTEPS gestartet, ein "
                "grenzüberschreitendes Mentoring-Programm aus dem Projekt career4PROF.",
            ),
            T(
                "Ten students from Bavaria applied for the pilot. For each of them we found a "
                "mentor at the University of West Bohemia whose field matches the mentee's "
                "profile; ten researchers from across the university said yes straight away.",
                "Do pilotního ročníku se přihlásilo deset studentů z Bavorska. Pro každého z "
                "nich jsme na Západočeské univerzitě našli mentora, jehož obor odpovídá "
                "profilu mentee; deset výzkumníků z celé univerzity ochotně souhlasilo.",
                "Für den Pilotdurchgang haben sich zehn Studierende aus Bayern beworben. Für "
                "jede und jeden haben wir an der Westböhmischen Universität eine Mentorin "
                "oder einen Mentor gefunden, deren Fachgebiet zum Profil passt; zehn "
                "Forschende aus der ganzen Universität haben sofort zugesagt.",
            ),
            T(
                "Until July 2024 the tandems will meet online, in Pilsen and in Amberg or "
                "Weiden, and take part in workshops, conferences, meetings with doctoral "
                "students and visits to laboratories and companies. Each pair signs a "
                "mentoring agreement that sets out its own goals.",
                "Až do července 2024 se budou tandemy scházet online, v Plzni a v Ambergu či "
                "Weidenu a zúčastní se workshopů, konferencí, setkání s doktorandy a návštěv "
                "laboratoří a firem. Každá dvojice podepíše mentoringovou dohodu se svými "
                "vlastními cíli.",
                "Bis Juli 2024 treffen sich die Tandems online, in Pilsen und in Amberg oder "
                "Weiden und nehmen an Workshops, Konferenzen, Treffen mit Promovierenden "
                "sowie Besuchen in Laboren und Unternehmen teil. Jedes Paar unterzeichnet eine "
                "Mentoring-Vereinbarung mit eigenen Zielen.",
            ),
        ),
    ),
)

FORUM = PageSpec(
    model=NewsPage,
    parent="news",
    slug=T("mentoring-forum-2024", "mentoring-forum-2024", "mentoring-forum-2024"),
    title=T(
        "careerSTEPS presented as best practice at Mentoring Forum 2024",
        "careerSTEPS představen jako příklad dobré praxe na Mentoring Forum 2024",
        "careerSTEPS beim Mentoring Forum 2024 als Best Practice vorgestellt",
    ),
    fields={"date_published": datetime.date(2024, 6, 11)},
    texts={
        "introduction": T(
            "At the conference in Pardubice, careerSTEPS was the only cross-border programme "
            "among the participating universities.",
            "Na konferenci v Pardubicích byl careerSTEPS jediným přeshraničním programem mezi "
            "zúčastněnými univerzitami.",
            "Auf der Konferenz in Pardubice war careerSTEPS das einzige grenzüberschreitende "
            "Programm unter den teilnehmenden Hochschulen.",
        ),
        "author": TEAM,
    },
    body=(
        text(
            T(
                "On 29 and 30 May 2024 the University of Pardubice hosted Mentoring Forum 2024. "
                "We used the opportunity to present the results of the pilot year of "
                "careerSTEPS, our cross-border mentoring programme.",
                "Ve dnech 29. a 30. května 2024 hostila Univerzita Pardubice konferenci "
                "Mentoring Forum 2024. Využili jsme příležitost a představili výsledky "
                "pilotního ročníku careerSTEPS, našeho přeshraničního mentoringového "
                "programu.",
                "Am 29. und 30. Mai 2024 fand an der Universität Pardubice das Mentoring Forum "
                "2024 statt. Wir haben die Gelegenheit genutzt, die Ergebnisse des "
                "Pilotjahres von careerSTEPS, unserem grenzüberschreitenden "
                "Mentoring-Programm, vorzustellen.",
            ),
            T(
                "Of all the universities taking part, we were the only one that had "
                "actually launched a cross-border mentoring programme, and careerSTEPS was "
                "cited as an example of best practice.",
                "Ze všech zúčastněných univerzit jsme byli jediní, kdo skutečně rozběhl "
                "přeshraniční mentoringový program, a careerSTEPS byl uváděn jako příklad "
                "dobré praxe.",
                "Von allen teilnehmenden Hochschulen waren wir die einzige, die tatsächlich "
                "ein grenzüberschreitendes Mentoring-Programm auf die Beine gestellt hatte, "
                "und careerSTEPS wurde als Best-Practice-Beispiel genannt.",
            ),
            T(
                "The programmes presented were remarkably diverse, and the talks left plenty "
                "of room for discussion. We came back with new ideas, and we hope the other "
                "universities found our experience just as useful.",
                "Představené programy byly velmi rozmanité a přednášky nechaly dost prostoru "
                "pro diskusi. Vrátili jsme se s novými nápady a doufáme, že naše zkušenosti "
                "byly stejně užitečné i pro ostatní univerzity.",
                "Die vorgestellten Programme waren bemerkenswert vielfältig, und die Vorträge "
                "ließen viel Raum für Diskussionen. Wir sind mit neuen Ideen zurückgekommen "
                "und hoffen, dass unsere Erfahrungen auch für die anderen Hochschulen "
                "hilfreich waren.",
            ),
            T(
                "The pilot year ends with an evaluation over the summer. In the autumn we look "
                "forward to welcoming new mentees and mentors to the programme.",
                "Pilotní ročník uzavřeme v létě hodnocením. Na podzim se těšíme na nové "
                "mentees a mentory.",
                "Das Pilotjahr schließen wir im Sommer mit einer Auswertung ab. Im Herbst "
                "freuen wir uns darauf, neue Mentees sowie Mentorinnen und Mentoren im "
                "Programm zu begrüßen.",
            ),
        ),
        Quote(
            text=T(
                "Being cited as best practice in the very first year shows that cross-border "
                "mentoring works.",
                "To, že nás už v prvním roce uvedli jako příklad dobré praxe, ukazuje, že "
                "přeshraniční mentoring funguje.",
                "Dass wir schon im ersten Jahr als Best Practice genannt wurden, zeigt: "
                "Grenzüberschreitendes Mentoring funktioniert.",
            ),
            name=TEAM,
            role=T(
                "Faculty of Economics, University of West Bohemia",
                "Fakulta ekonomická, Západočeská univerzita v Plzni",
                "Wirtschaftswissenschaftliche Fakultät, Westböhmische Universität Pilsen",
            ),
        ),
    ),
)

CLOSING = PageSpec(
    model=NewsPage,
    parent="news",
    slug=T("pilot-year-closed", "pilotni-rocnik-uzavren", "pilotjahr-abgeschlossen"),
    title=T(
        "The pilot year closes with a joint evaluation",
        "Pilotní ročník končí společným hodnocením",
        "Das Pilotjahr endet mit einer gemeinsamen Auswertung",
    ),
    fields={"date_published": datetime.date(2024, 7, 12)},
    texts={
        "introduction": T(
            "Mentees, mentors and coordinators met to look back on the first year of careerSTEPS.",
            "Mentees, mentoři a koordinátoři se sešli, aby zhodnotili první rok programu "
            "careerSTEPS.",
            "Mentees, Mentorinnen und Mentoren sowie das Koordinationsteam haben gemeinsam "
            "auf das erste careerSTEPS-Jahr zurückgeblickt.",
        ),
        "author": TEAM,
    },
    body=(
        text(
            T(
                "The closing meeting in July ended nine months of cross-border tandems. The "
                "participants talked about what worked, what they would change and what "
                "they take with them.",
                "Závěrečné setkání v červenci uzavřelo devět měsíců přeshraničních tandemů. "
                "Účastníci mluvili o tom, co fungovalo, co by změnili a co si odnášejí.",
                "Das Abschlusstreffen im Juli beendete neun Monate grenzüberschreitender "
                "Tandems. Die Teilnehmenden sprachen darüber, was gut lief, was sie ändern "
                "würden und was sie mitnehmen.",
            ),
            T(
                "Their feedback goes into the evaluation of the pilot over the summer and "
                "into the preparation of the next cohort.",
                "Jejich zpětná vazba se promítne do letního hodnocení pilotního ročníku i do "
                "přípravy dalšího ročníku.",
                "Ihre Rückmeldungen fließen in die Auswertung des Pilotdurchgangs im Sommer "
                "und in die Vorbereitung des nächsten Jahrgangs ein.",
            ),
        ),
        CallToAction(
            title=T(
                "Join the next cohort",
                "Přidejte se k dalšímu ročníku",
                "Seien Sie im nächsten Jahrgang dabei",
            ),
            text=T(
                "As a mentee or as a mentor.",
                "Jako mentee, nebo jako mentor.",
                "Als Mentee oder als Mentorin bzw. Mentor.",
            ),
            button=T("See the cohorts", "Zobrazit ročníky", "Zu den Jahrgängen"),
            page="cohorts",
        ),
    ),
)

NEWS = [LAUNCH, FORUM, CLOSING]
