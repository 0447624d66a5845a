"""Step 30: the site structure under the English home page, and its translations.

The home page, the four programme pages and the index pages for news, events and cohorts;
all top-level pages are shown in menus, in this order.
"""

from __future__ import annotations

from ..content.about import ABOUT
from ..content.home import HOME
from ..content.indexes import COHORTS_INDEX, EVENTS_INDEX, NEWS_INDEX
from ..content.mentees import MENTEES
from ..content.mentors import MENTORS
from ..content.year import YEAR
from ..context import LoadContext
from ..pages import sync_pages

ORDER = 30

SPECS = [HOME, ABOUT, MENTEES, MENTORS, YEAR, NEWS_INDEX, EVENTS_INDEX, COHORTS_INDEX]


def load(context: LoadContext) -> None:
    sync_pages(SPECS, context)
