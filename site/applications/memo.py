"""What one request to a form page looks up more than once, looked up once.

Showing or submitting an application form asks for the default Locale (institutions,
disciplines, the privacy notice, the source cohort, the institution and disciplines answered)
and for the form's cohort and source cohort (the window check, the eligibility check, the
confirmation) several times. Inside :func:`remembering` (the form page's ``serve`` and the
forms API open it around one request) each is read from the database once and then reused;
outside it, every call queries as it always did, so a long-lived process (a task, a shell,
a test holding a page) never sees a stale row.

A few answers are the same for every request until an editor changes something: the form's
fields (its page, institutions, disciplines and privacy notice), an institution, the notice in
force, a cohort's title in a language. :func:`kept` keeps those in the process for the site's
current page-cache generation (:mod:`pagecache.store`): any save or delete of a page, locale,
institution, discipline or privacy notice starts a new generation in every process
(:mod:`pagecache.invalidation`, and ``ApplicationsConfig.ready`` for disciplines and notices),
and with it everything kept is dropped. Like :func:`remembered` it keeps nothing outside a
:func:`remembering` block, and an answer is kept ``KEPT_SECONDS`` at most (as the page cache's
routes), which bounds how stale a change made without signals (``QuerySet.update``, another
tool writing the database) can leave it. A form's cohort is kept too, but not its application
window: it decides what a submission may do, so every request reads it fresh
(``pages.with_current_window``: a cohort closed by a plain UPDATE refuses the next
application). The institutions it admits are kept (``eligibility.eligible_keys``): they change
only by publishing the cohort page.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any, TypeVar

from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Locale

from pagecache import store

T = TypeVar("T")

_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("applications_memo", default=None)


#: Seconds an answer is kept by :func:`kept` at most, whatever the generation.
KEPT_SECONDS = 300
#: Answers kept at most per process (forms, cohorts and titles: a few per form page).
KEPT_ENTRIES = 512
_GENERATION = "site-generation"
_REQUEST = "request"


@contextmanager
def remembering(request: HttpRequest | None = None) -> Iterator[None]:
    """Remember lookups until the block ends (a nested block shares the outer memory).

    ``request`` is the request the block serves: :func:`kept` then uses the page-cache
    generation as that request read it (once per request, see ``store.generation_for``)."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({} if request is None else {_REQUEST: request})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per :func:`remembering` block and ``key``; every time outside."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def default_locale() -> Locale:
    """The default (source) Locale, as ``Locale.get_default()`` gives it; kept per process and
    site generation (saving a locale starts a new one), a copy per request."""
    return remembered(
        "default_locale", lambda: kept_instance(("default-locale",), _load_default_locale)
    )


def _load_default_locale() -> tuple[Locale, None]:
    return Locale.get_default(), None


def site_generation() -> int | None:
    """The page-cache generation, read once per :func:`remembering` block (before anything
    kept under it is computed); None outside a block."""
    memo = _memo.get()
    if memo is None:
        return None
    if _GENERATION not in memo:
        memo[_GENERATION] = store.generation_for(memo.get(_REQUEST))
    return memo[_GENERATION]


class _Kept:
    """What one process keeps for one generation: {key: (value, expires, until)}, ``expires``
    on the monotonic clock (``KEPT_SECONDS``), ``until`` the moment ``compute`` gave."""

    def __init__(self, generation: int) -> None:
        self.generation = generation
        self.entries: dict[Hashable, tuple[Any, float, datetime | None]] = {}


_kept = _Kept(-1)


def kept(key: Hashable, compute: Callable[[], tuple[T, datetime | None]]) -> T:
    """The value of ``compute()``, kept in this process while the site's generation is the
    same, for ``KEPT_SECONDS`` at most, and not from the moment ``compute`` gives with it on
    (e.g. when the next privacy notice comes into force; None: no such moment).

    Outside a :func:`remembering` block ``compute()`` runs every time. The value is shared by
    every request that gets it: only values nobody changes (strings, tuples, bytes, items
    that callers copy before use, see :func:`kept_instance`)."""
    generation = site_generation()
    if generation is None:
        return compute()[0]
    current = _kept
    if current.generation == generation:
        entry = current.entries.get(key)
        if (
            entry is not None
            and entry[1] > time.monotonic()
            and (entry[2] is None or timezone.now() < entry[2])
        ):
            return entry[0]
    value, until = compute()
    _store(generation, key, (value, time.monotonic() + KEPT_SECONDS, until))
    return value


def _store(generation: int, key: Hashable, entry: tuple[Any, float, datetime | None]) -> None:
    global _kept
    current = _kept
    if current.generation != generation:
        if current.generation > generation:
            return  # computed under an older generation than another request already saw
        current = _Kept(generation)
        _kept = current
    if len(current.entries) >= KEPT_ENTRIES:
        current.entries.clear()
    current.entries[key] = entry


def kept_instance(key: Hashable, compute: Callable[[], tuple[Any, datetime | None]]) -> Any:
    """A model instance (or None) kept by :func:`kept` (``compute`` gives it with the moment
    it stops being the answer, or None): each caller gets its own copy (about as costly as
    building the instance from a row, without the query), so nothing a request does to it
    reaches the next one."""

    def pickled() -> tuple[bytes, datetime | None]:
        instance, until = compute()
        return pickle.dumps(instance, pickle.HIGHEST_PROTOCOL), until

    instance = pickle.loads(kept(key, pickled))  # noqa: S301 - bytes this process pickled itself
    if instance is not None:
        instance.__dict__.pop("_django_version", None)  # added by pickling; a loaded row has none
    return instance
