"""Answer anonymous GETs of public pages and feeds from the page cache.

Placed right after WhiteNoise, above the session, locale, CSRF and authentication middleware:
a hit is served without touching the session, the database or a template. On a miss the page
is rendered by the whole stack below, and stored if ``rules.response_is_cacheable`` allows
(it sees the final response, cookies included). ``X-Page-Cache`` says ``hit`` or ``miss`` on
cacheable requests, for tests and for people debugging a stale page.

Every request that is not a hit gets its Wagtail Site from :mod:`pagecache.routes`, and every
request to Wagtail's page view, cached or not (the page cache off, a signed-in editor, a
form's POST), is routed through it first.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from wagtail import views as wagtail_views

from pagecache import routes, rules, store


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not rules.request_is_cacheable(request):
            routes.attach_site(request)
            response = self.get_response(request)
            routes.remember_site(request)
            return response
        # The generation is read before the page is rendered: a publish that lands during
        # rendering leaves the page under the old generation, which nobody reads any more.
        key = store.page_key(request, store.generation_for(request))
        stored = store.fetch(key)
        if stored is not None:
            response = stored.response()
            response["X-Page-Cache"] = "hit"
            return response
        routes.attach_site(request)
        response = self.get_response(request)
        routes.remember_site(request)
        if rules.response_is_cacheable(request, response):
            store.save(key, response)
            response["X-Page-Cache"] = "miss"
        return response

    def process_view(self, request: HttpRequest, view, args, kwargs) -> None:
        """Hand Wagtail's page view the route this process found for the URL before, in this
        generation (:mod:`pagecache.routes`): one query instead of seven."""
        if view is wagtail_views.serve:
            routes.route(request, kwargs.get("path", args[0] if args else ""))
