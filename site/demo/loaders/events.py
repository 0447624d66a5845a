"""Step 50: the events of the pilot year, under the events index."""

from __future__ import annotations

from ..content.events import pilot_events
from ..context import LoadContext
from ..pages import sync_pages
from .institutions import institution

ORDER = 50


def load(context: LoadContext) -> None:
    sync_pages(pilot_events({key: institution(key) for key in ("uwb", "oth")}), context)
