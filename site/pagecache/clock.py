"""Where "now" stands among the moments at which a public page changes by time alone.

A few pages change without anyone publishing: the home page and the event index list the
upcoming events (an event moves to the past when it ends) and the home page offers the cohorts
open for applications (a cohort opens and closes at set times). Everything else they show
changes only with a page, and so with the page-cache generation.

So between two consecutive such moments (the ends of events, the opening and closing of
applications) those pages are the same. :func:`epoch` numbers the stretch ``now`` falls in: a
fragment keyed by generation *and* epoch is exactly what a fresh rendering would give, at any
time, and needs no timeout of its own to catch a cohort opening or an event ending. The pair
``(moments before now, moments up to now)`` tells apart a moment itself from the stretches on
either side of it, so any comparison with ``now`` (``<``, ``<=``, ``>=``, ``>``) is constant
within one epoch.

The moments are read once per process and generation (one small query per model): any save of
an event or a cohort page starts a new generation (:mod:`pagecache.invalidation`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import threading

from django.apps import apps
from django.http import HttpRequest
from django.utils import timezone

from pagecache import store

#: The date-time fields whose values are the moments a public page changes by time alone:
#: ``EventPageQuerySet.upcoming``/``past`` compare ``ends_at`` with now, and
#: ``CohortPage.application_status`` the opening and closing of applications.
MOMENT_FIELDS = {
    "events.EventPage": ("ends_at",),
    "cohorts.CohortPage": ("application_opens_at", "application_closes_at"),
}

_lock = threading.Lock()
_moments: dict[int, list[dt.datetime]] = {}


def moments(generation: int) -> list[dt.datetime]:
    """Every moment of ``MOMENT_FIELDS`` (live or not, any language), sorted."""
    with _lock:
        known = _moments.get(generation)
    if known is not None:
        return known
    found: set[dt.datetime] = set()
    for label, fields in MOMENT_FIELDS.items():
        model = apps.get_model(label)
        for row in model.objects.values_list(*fields):
            found.update(value for value in row if value is not None)
    ordered = sorted(found)
    with _lock:
        _moments.clear()  # one generation at a time is current
        _moments[generation] = ordered
    return ordered


def epoch(request: HttpRequest | None, now: dt.datetime | None = None) -> str:
    """The stretch between moments that ``now`` falls in, as a fragment-key part.

    Take it *before* the page reads the clock for its content: if a moment passes in between,
    the fragment stored under the earlier epoch shows the later state, which only a request
    that began before that moment can read."""
    now = now or timezone.now()
    ordered = moments(store.generation_for(request))
    return f"{bisect.bisect_left(ordered, now)}-{bisect.bisect_right(ordered, now)}"


def clear() -> None:
    with _lock:
        _moments.clear()
