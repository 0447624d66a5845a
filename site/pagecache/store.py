"""The page cache's storage: one generation counter and the pages stored under it.

Every key a page or fragment is stored under contains the current *generation*. Invalidating
the whole site is one increment of the counter: entries of older generations are never read
again and expire on their own (``PAGE_CACHE_SECONDS``). This is simpler than tracking which
page lists which (a news index lists its articles, every page shows the menu and the footer)
and cannot miss a dependency; edits are rare next to reads, so refilling is cheap.

The ``pages`` cache is a file cache under ``var/`` by default (shared by every gunicorn worker
on the machine) or Redis when ``REDIS_URL`` is set (shared by every machine).
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"
#: Response headers that describe this one response, not the page: never stored.
NOT_STORED = {"set-cookie", "x-page-cache", "date"}


def cache():
    return caches[CACHE_ALIAS]


def timeout() -> int:
    """Seconds a page is kept; it also bounds how stale time-dependent pages get (upcoming
    events, an intake that opens or closes), which no publish announces."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 300))


def generation() -> int:
    """The current generation. Missing (first use, evicted, cache flushed): start from the
    clock in nanoseconds, which is larger than any earlier value plus its increments."""
    value = cache().get(GENERATION_KEY)
    if value is None:
        cache().add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = cache().get(GENERATION_KEY) or time.time_ns()
    return int(value)


def bump() -> None:
    """Start a new generation: every page and fragment cached so far is out of date."""
    try:
        cache().incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or evicted): any fresh clock value is new
        cache().set(GENERATION_KEY, time.time_ns(), timeout=None)


def page_key(request: HttpRequest, current_generation: int) -> str:
    """Key of one URL (host, scheme, path and query string) in one generation; the language
    is part of the path (/cs/, /de/, /en/)."""
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    return f"page-cache:{current_generation}:{digest}"


@dataclass(frozen=True)
class StoredPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response[name] = value
        return response


def save(key: str, response: HttpResponse) -> None:
    headers = tuple(
        (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
    )
    cache().set(key, StoredPage(response.status_code, headers, response.content), timeout())


def fetch(key: str) -> StoredPage | None:
    stored = cache().get(key)
    return stored if isinstance(stored, StoredPage) else None
