"""The page cache's storage: one generation counter and the pages stored under it.

Every key a page or fragment is stored under contains the current *generation*. Invalidating
the whole site is one increment of the counter: entries of older generations are never read
again and expire on their own (``PAGE_CACHE_SECONDS``). This is simpler than tracking which
page lists which (a news index lists its articles, every page shows the menu and the footer)
and cannot miss a dependency; edits are rare next to reads, so refilling is cheap.

The ``pages`` cache is a file cache under ``var/`` by default (shared by every gunicorn worker
on the machine) or Redis when ``REDIS_URL`` is set (shared by every machine).

A stored page is the response as it left the whole middleware stack (security headers and
Content-Security-Policy included), so that a hit is answered by the first middleware
(:mod:`pagecache.middleware`). Those headers depend on settings besides the URL; the key
carries a fingerprint of those settings (:func:`fingerprint`), so a deploy that changes them
never serves a page stored with the old headers.

Each process also keeps the pages it served last in its own memory (``LOCAL_PAGES`` of them),
under the same keys: a hit then costs one read of the shared generation counter and a
dictionary look-up, instead of reading, decompressing and unpickling the whole page from the
shared cache. Being keyed by generation, these copies go out of date together with the shared
ones (a publish in any process starts a new generation everywhere), and each is dropped when
its page would have expired in the shared cache, so the staleness bound stays
``PAGE_CACHE_SECONDS``.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.http import HttpRequest, HttpResponse

CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"
#: Response headers that describe this one response, not the page: never stored.
NOT_STORED = {"set-cookie", "x-page-cache", "date"}
#: Pages each process keeps in its own memory (about 40 kB each: a few MB per process).
LOCAL_PAGES = 128
#: Goes up when what is stored changes shape (2: the whole response, security headers too).
STORE_FORMAT = 2
#: Settings (names starting so) that the headers of a stored response depend on: those of
#: the middleware between the page cache's two halves (SecurityMiddleware's ``SECURE_*``,
#: the Content-Security-Policy, the middleware list itself) and the hosts a key may name.
FINGERPRINTED = (
    "ALLOWED_HOSTS",
    "CONTENT_SECURITY_POLICY",
    "DEBUG",
    "MIDDLEWARE",
    "SECURE_",
    "USE_X_FORWARDED",
    "X_FRAME_OPTIONS",
)


def cache():
    return caches[CACHE_ALIAS]


def timeout() -> int:
    """Seconds a page is kept; it also bounds how stale time-dependent pages get (upcoming
    events, an intake that opens or closes), which no publish announces."""
    return int(getattr(settings, "PAGE_CACHE_SECONDS", 300))


def generation() -> int:
    """The current generation. Missing (first use, evicted, cache flushed): start from the
    clock in nanoseconds, which is larger than any earlier value plus its increments."""
    backend = cache()
    if isinstance(backend, FileBasedCache):
        known = _counter_file.value(backend)
        if known is not None:
            return known
    value = backend.get(GENERATION_KEY)
    if value is None:
        backend.add(GENERATION_KEY, time.time_ns(), timeout=None)
        value = backend.get(GENERATION_KEY) or time.time_ns()
    return int(value)


class _CounterFile:
    """The generation counter of a file cache, read again only when its file changed.

    Reading the counter through the cache opens, unpickles and decompresses its file: a
    quarter of what a page-cache hit costs. The file cache writes every new value to a new
    file renamed over the old one, so a ``stat`` that finds the same inode, size and
    modification time finds the same value. Inodes are reused and modification times are
    coarse (a clock tick), so a value is trusted only when its file was last written
    ``SETTLED_SECONDS`` before it was read: any later write then shows a newer time. Within
    that window after a bump every request reads the file (bumps are rare).
    """

    SETTLED_SECONDS = 0.5

    def __init__(self) -> None:
        self.path: str | None = None
        self.location: str | None = None
        self.stamp: tuple[int, int, int] | None = None
        self.known: int | None = None

    def value(self, backend: FileBasedCache) -> int | None:
        if self.location != backend._dir:
            self.location, self.path, self.stamp = backend._dir, None, None
            self.path = backend._key_to_file(GENERATION_KEY)
        try:
            status = os.stat(self.path)
        except OSError:
            return None
        stamp = (status.st_ino, status.st_size, status.st_mtime_ns)
        if stamp == self.stamp:
            return self.known
        value = backend.get(GENERATION_KEY)
        if value is None:
            return None
        if time.time_ns() - status.st_mtime_ns > self.SETTLED_SECONDS * 1e9:
            self.stamp, self.known = stamp, int(value)
        return int(value)


_counter_file = _CounterFile()


def generation_for(request: HttpRequest | None) -> int:
    """The generation as this request first read it: one read of the shared counter per
    request however many fragments, routes and pages ask (and a request is served from one
    generation throughout)."""
    if request is None:
        return generation()
    current = getattr(request, "_page_cache_generation", None)
    if current is None:
        current = generation()
        request._page_cache_generation = current
    return current


def bump() -> None:
    """Start a new generation: every page and fragment cached so far is out of date."""
    try:
        cache().incr(GENERATION_KEY)
    except ValueError:  # no counter yet (or evicted): any fresh clock value is new
        cache().set(GENERATION_KEY, time.time_ns(), timeout=None)


_fingerprint: str | None = None


def fingerprint() -> str:
    """A digest of the store's format and of the settings in ``FINGERPRINTED``: computed once
    per process (again after a test overrides a setting: :func:`forget_fingerprint`)."""
    global _fingerprint
    if _fingerprint is None:
        names = sorted(name for name in dir(settings) if name.startswith(FINGERPRINTED))
        described = repr([STORE_FORMAT, *((name, getattr(settings, name)) for name in names)])
        _fingerprint = hashlib.sha256(described.encode()).hexdigest()[:12]
    return _fingerprint


def forget_fingerprint(**_kwargs) -> None:
    global _fingerprint
    _fingerprint = None


def page_key(request: HttpRequest, current_generation: int) -> str:
    """Key of one URL (host, scheme, path and query string) in one generation; the language
    is part of the path (/cs/, /de/, /en/).

    The host is the one the request names, not yet checked against ``ALLOWED_HOSTS``
    (``get_host`` checks it, at a quarter of a hit's own cost): a host that is not allowed
    is answered 400 below the page cache and never stored, so its key is never found."""
    url = f"{request.scheme}://{request._get_raw_host()}{request.get_full_path()}"
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    return f"page-cache:{fingerprint()}:{current_generation}:{digest}"


@dataclass(frozen=True)
class StoredPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    #: ``time.time()`` when the page was rendered: its local copies expire with the shared one.
    stored_at: float = 0.0

    @cached_property
    def _hit_headers(self) -> dict[str, tuple[str, str]]:
        """The headers of a hit as Django's ``ResponseHeaders`` keeps them (lower-case name:
        (name, value)), the values already as Django converted them when the page was
        stored, so each hit copies them instead of checking each one again."""
        return {
            **{name.lower(): (name, value) for name, value in self.headers},
            "x-page-cache": ("X-Page-Cache", "hit"),
        }

    def __getstate__(self) -> dict:
        """Pickled without the headers prepared for hits (each process prepares its own)."""
        return {name: value for name, value in vars(self).items() if name != "_hit_headers"}

    def response(self) -> HttpResponse:
        """A fresh response with the stored status, headers and bytes, marked as a hit."""
        response = HttpResponse(self.content, status=self.status)
        if isinstance(getattr(response.headers, "_store", None), dict):
            response.headers._store = dict(self._hit_headers)
        else:  # a Django that keeps headers differently: set them one by one
            for name, value in self.headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
        return response


class _LocalPages:
    """The last ``LOCAL_PAGES`` pages this process stored or read, least recently used out."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.pages: OrderedDict[str, StoredPage] = OrderedDict()
        self.lock = threading.Lock()  # gthread workers serve requests from several threads

    def get(self, key: str) -> StoredPage | None:
        with self.lock:
            page = self.pages.get(key)
            if page is None:
                return None
            if page.stored_at + timeout() <= time.time():
                del self.pages[key]
                return None
            self.pages.move_to_end(key)
            return page

    def put(self, key: str, page: StoredPage) -> None:
        with self.lock:
            self.pages[key] = page
            self.pages.move_to_end(key)
            while len(self.pages) > self.size:
                self.pages.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.pages.clear()


local_pages = _LocalPages(LOCAL_PAGES)


def save(key: str, response: HttpResponse) -> None:
    headers = tuple(
        (name, value) for name, value in response.items() if name.lower() not in NOT_STORED
    )
    page = StoredPage(response.status_code, headers, response.content, time.time())
    cache().set(key, page, timeout())
    local_pages.put(key, page)


def fetch(key: str) -> StoredPage | None:
    page = local_pages.get(key)
    if page is not None:
        return page
    stored = cache().get(key)
    if not isinstance(stored, StoredPage):
        return None
    local_pages.put(key, stored)
    return stored
