"""Step 40: news articles of the pilot year, under the news index."""

from __future__ import annotations

from ..content.news import NEWS
from ..context import LoadContext
from ..pages import sync_pages

ORDER = 40


def load(context: LoadContext) -> None:
    sync_pages(NEWS, context)
