"""Answer anonymous GETs of public pages and feeds from the page cache.

Two halves. ``PageCacheMiddleware`` is the first middleware of all: a hit is answered there,
before the security, Content-Security-Policy, static-file, session, locale, CSRF and
authentication middleware run, with the response exactly as the whole stack gave it when
the page was stored (security headers included). It also stores that final response when
the other half says the page may be stored.

``PageRoutesMiddleware`` sits where the page cache used to, right above the session
middleware: on every request that is not a hit it gives the request its Wagtail Site from
:mod:`pagecache.routes` (and routes Wagtail's page view through it, cached or not: the page
cache off, a signed-in editor, a form's POST); on a cacheable request it judges the response
with ``rules.response_is_cacheable``, which sees the response with its cookies.

Why serving a hit above the middleware that would run first is the same answer: every one of
them answers or decorates a request from what the key holds (scheme, host, path and query
string) and from settings the key's fingerprint holds (``store.fingerprint``). SecurityMiddleware
redirects by scheme and host, and adds headers by scheme; the Content-Security-Policy is fixed
per path when no nonce was used (a response that used one is never stored); WhiteNoise answers
only under ``/static/``; HostileInputMiddleware refuses by path and query string. A URL any of
them answers itself never reaches the inner half and is never stored, so it is never a hit.
A host that is not allowed is refused (400) below, and never stored either.

``X-Page-Cache`` says ``hit`` or ``miss`` on cacheable requests, for tests and for people
debugging a stale page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from wagtail import views as wagtail_views

from pagecache import routes, rules, store

logger = logging.getLogger(__name__)


class PageCacheMiddleware:
    """The outer half (first in ``MIDDLEWARE``): answers hits, stores what the inner half
    found cacheable."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        key = None
        if rules.request_is_cacheable(request):
            try:
                # The generation is read before the page is rendered: a publish that lands
                # during rendering leaves the page under the old generation, which nobody
                # reads any more.
                key = store.page_key(request, store.generation_for(request))
                stored = store.fetch(key)
            except Exception:  # the shared cache unreachable or an entry unreadable
                logger.warning("Page cache not read; the page is rendered", exc_info=True)
                key = stored = None
            if stored is not None:
                return stored.response()
            request._page_cache_key = key
        response = self.get_response(request)
        if key is not None and getattr(request, "_page_cache_storable", False):
            self._store(request, key, response)
        return response

    @staticmethod
    def _store(request: HttpRequest, key: str, response: HttpResponse) -> None:
        if not rules.final_response_is_storable(request, response):
            return
        try:
            store.save(key, response)
        except Exception:  # the page is answered all the same, just not stored
            logger.warning("Page cache not written", exc_info=True)
            return
        response["X-Page-Cache"] = "miss"


class PageRoutesMiddleware:
    """The inner half (above the session middleware): Wagtail's Site and routes for every
    request that is not a hit, and whether a cacheable request's response may be stored."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        routes.attach_site(request)
        response = self.get_response(request)
        routes.remember_site(request)
        if getattr(request, "_page_cache_key", None) is not None and rules.response_is_cacheable(
            request, response
        ):
            request._page_cache_storable = True
        return response

    def process_view(self, request: HttpRequest, view, args, kwargs) -> None:
        """Hand Wagtail's page view the route this process found for the URL before, in this
        generation (:mod:`pagecache.routes`): one query instead of seven."""
        if view is wagtail_views.serve:
            routes.route(request, kwargs.get("path", args[0] if args else ""))
