"""The events iCalendar feed (/<lang>/events/feed.ics) that calendar apps poll."""

from __future__ import annotations

from bench.measure import Row, measure
from bench.options import Options, client, get_ok
from events.models import EventIndexPage

NEEDS_DB = True


def rows(options: Options) -> list[Row]:
    browser = client()
    index = EventIndexPage.objects.live().filter(locale__language_code="en").first()
    if index is None:
        raise RuntimeError("the demo has no live English event index")
    url = index.get_url() + "feed.ics"
    return [
        measure(
            "ical.feed",
            lambda: get_ok(browser, url),
            repeat=options.repeat,
            limit_scale=options.limit_scale,
        )
    ]
