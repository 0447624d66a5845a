"""The index pages for news, events and cohorts (their children come in later steps)."""

from cohorts.models import CohortIndexPage
from events.models import EventIndexPage
from news.models import NewsIndexPage

from ..pages import PageSpec
from ..text import T

NEWS_INDEX = PageSpec(
    model=NewsIndexPage,
    parent="",
    slug=T("news", "aktuality", "aktuelles"),
    title=T("News", "Aktuality", "Aktuelles"),
    show_in_menus=True,
    texts={
        "introduction": T(
            "What is new in careerSTEPS: cohorts, events and people.",
            "Co je nového v programu careerSTEPS: ročníky, akce a lidé.",
            "Neues aus careerSTEPS: Jahrgänge, Veranstaltungen und Menschen.",
        )
    },
)

EVENTS_INDEX = PageSpec(
    model=EventIndexPage,
    parent="",
    slug=T("events", "akce", "veranstaltungen"),
    title=T("Events", "Akce", "Veranstaltungen"),
    show_in_menus=True,
    texts={
        "introduction": T(
            "Workshops, visits and meetings of the programme, in Pilsen, in Amberg and "
            "Weiden, and online. Times are given in the local time of each venue.",
            "Workshopy, návštěvy a setkání programu v Plzni, v Ambergu a Weidenu i online. "
            "Časy jsou uvedeny v místním čase daného místa.",
            "Workshops, Besuche und Treffen des Programms in Pilsen, in Amberg und Weiden "
            "sowie online. Alle Zeiten gelten in der Ortszeit des Veranstaltungsortes.",
        )
    },
)

COHORTS_INDEX = PageSpec(
    model=CohortIndexPage,
    parent="",
    slug=T("cohorts", "rocniky", "jahrgaenge"),
    title=T("Cohorts", "Ročníky", "Jahrgänge"),
    show_in_menus=True,
    texts={
        "introduction": T(
            "Each cohort is one year of the programme. Apply to a cohort while its "
            "applications are open.",
            "Každý ročník je jeden rok programu. Přihlásit se můžete do ročníku, dokud "
            "přijímá přihlášky.",
            "Jeder Jahrgang ist ein Programmjahr. Bewerben können Sie sich, solange die "
            "Bewerbungsphase des Jahrgangs läuft.",
        )
    },
)
