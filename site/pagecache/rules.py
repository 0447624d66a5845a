"""What may be cached: which requests may be answered from the cache, which responses stored.

A page is the same for every visitor only when nothing about the visitor went into it. So the
cache serves and stores only GETs (and answers HEADs) of language-prefixed public URLs from
visitors without a session cookie (signed-in editors, reviewers and portal applicants always
get a fresh page), and stores only plain 200 answers that set no cookie: a page that used a
CSRF token (every form, the application forms above all) sets the CSRF cookie and is never
stored. Only Wagtail's page view and the iCal feeds are stored at all (``CACHED_VIEWS``): the
admin, previews, drafts (under /admin/), the API, the portal, the application views and any
other app's views are not. The response stored is the one the whole middleware stack gives
(:mod:`pagecache.middleware`): it must still set no cookie there, and no Content-Security-Policy
nonce may have gone into it (a nonce is for one response; a stored page hands it to everyone).
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re

#: Paths below a language prefix that are never cached (they belong to one person).
EXCLUDED = ("portal/", "applications/")
#: The views whose answers may be stored: Wagtail's pages and the events' iCal feeds. Any other
#: view under a language prefix (added by any app, e.g. a public verification page that
#: reads live data) is never stored, as its data is not covered by the invalidation.
CACHED_VIEWS = frozenset({"wagtail_serve", "events:ical_feed"})
NEVER = {"private", "no-cache", "no-store"}


_prefixes: tuple[object, tuple[str, ...]] = (None, ())


def language_prefixes() -> tuple[str, ...]:
    """``/cs/``, ``/de/``, ``/en/``: built again only when ``LANGUAGES`` is another list (a
    test's override), as every request asks."""
    global _prefixes
    languages = settings.LANGUAGES
    if _prefixes[0] is not languages:
        _prefixes = (languages, tuple(f"/{code}/" for code, _name in languages))
    return _prefixes[1]


def request_is_cacheable(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD") or int(settings.PAGE_CACHE_SECONDS) <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    path = request.path
    for prefix in language_prefixes():
        if path.startswith(prefix):
            return not path[len(prefix) :].startswith(EXCLUDED)
    return False


def response_is_cacheable(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in CACHED_VIEWS:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # a session, a CSRF token or a language cookie: made for this visitor
    directives = {
        part.split("=", 1)[0].strip().lower()
        for part in cc_delim_re.split(response.get("Cache-Control", ""))
        if part.strip()
    }
    if directives & NEVER:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def final_response_is_storable(request: HttpRequest, response: HttpResponse) -> bool:
    """The last look, at the response as the whole middleware stack gives it (the inner half
    said yes to it already): still a plain 200 without a cookie, and no Content-Security-Policy
    nonce asked for while answering it (django-csp keeps one on ``request._csp_nonce``)."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    return getattr(request, "_csp_nonce", None) is None
