"""Which Wagtail page a URL shows, remembered per process for the current page-cache generation.

Wagtail routes every page request from scratch: it finds the Site for the host (a query that
orders every site by how well it matches), the home page, its translation in the request's
language and that page's specific row, then one query per path segment and one for the
specific row of each page on the way. For a page two levels down that is seven queries before
the view starts, about as much work as rendering the page once its fragments are cached.

The answer only changes when a page or a site changes, and each of those starts a new page-cache
generation (:mod:`pagecache.invalidation`). So the Site and the page's type and id are kept
here under the generation, the host, the language and the path: the next request for the same
URL loads just that page by its primary key and hands Wagtail the route as if Wagtail had found
it (``request._wagtail_site`` and ``request._wagtail_route_for_request`` are where Wagtail keeps
its own answers for the request). Everything after routing runs as before: the view-restriction
and privacy hooks, ``serve`` and the template.

Only plain page routes are kept: a page that routes further itself (``RoutablePageMixin``, or
any route with arguments) and every 404 are routed by Wagtail each time. Entries are dropped
after ``ROUTE_SECONDS`` whatever the generation, like every other page-cache entry.
"""

from __future__ import annotations

import copy
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from pagecache import store

#: Routes each process remembers, least recently used out.
ROUTES = 512
#: Seconds a route is trusted at most, as the fragments (``{% cache 300 ... %}``).
ROUTE_SECONDS = 300


@dataclass(frozen=True)
class _Route:
    site: Site
    model: type[Page]
    page_id: int
    stored_at: float


_routes: OrderedDict[tuple, _Route] = OrderedDict()
_lock = threading.Lock()


def _detached(site: Site) -> Site:
    """A copy of ``site`` without the related objects it loaded (its root page): what is kept
    is shared by every later request of the process, so it carries no model instance that a
    request could change."""
    kept = copy.copy(site)
    kept._state.fields_cache = {}
    return kept


def _key(request: HttpRequest, path: str, generation: int) -> tuple:
    return (generation, request._get_raw_host(), request.get_port(), get_language(), path)


def _remember(key: tuple, route: _Route) -> None:
    with _lock:
        _routes[key] = route
        _routes.move_to_end(key)
        while len(_routes) > ROUTES:
            _routes.popitem(last=False)


def _recall(key: tuple) -> _Route | None:
    with _lock:
        route = _routes.get(key)
        if route is None:
            return None
        if route.stored_at + ROUTE_SECONDS <= time.time():
            del _routes[key]
            return None
        _routes.move_to_end(key)
        return route


def clear() -> None:
    with _lock:
        _routes.clear()
        _sites.clear()


_sites: dict[tuple, tuple[Site, float]] = {}


def _site_key(request: HttpRequest) -> tuple:
    return (store.generation_for(request), request._get_raw_host(), request.get_port())


def attach_site(request: HttpRequest) -> None:
    """Give ``request`` the Site Wagtail found for its host before, in this generation
    (``request._wagtail_site``, where ``Site.find_for_request`` looks first): the API, forms
    and page URLs ask for it on every request, and finding it is a query that ranks every
    site. Never a query here: an unknown host is left to Wagtail (and remembered after)."""
    if hasattr(request, "_wagtail_site"):
        return
    key = _site_key(request)
    with _lock:
        known = _sites.get(key)
    if known is not None and known[1] + ROUTE_SECONDS > time.time():
        request._wagtail_site = copy.copy(known[0])


def remember_site(request: HttpRequest) -> None:
    """After a response: keep the Site Wagtail found for this request, if it looked for one,
    under the generation the request started in (sites are watched by the invalidation)."""
    site = getattr(request, "_wagtail_site", None)
    if site is None:
        return
    key = _site_key(request)
    with _lock:
        if key in _sites:
            return
        if len(_sites) >= ROUTES:
            _sites.clear()
        _sites[key] = (_detached(site), time.time())


def route(request: HttpRequest, path: str) -> None:
    """Give ``request`` its Wagtail route for ``path`` (``wagtail_serve``'s argument): from
    this process's memory when the same URL was routed in this generation, else by Wagtail
    (and remembered when it is a plain page route)."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    key = _key(request, path, store.generation_for(request))
    known = _recall(key)
    if known is not None:
        page = known.model.objects.filter(pk=known.page_id).first()
        if page is not None and page.live:
            request._wagtail_site = copy.copy(known.site)
            request._wagtail_route_for_request = RouteResult(page)
            return
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page, args, kwargs = result
    site = getattr(request, "_wagtail_site", None)
    if args or kwargs or site is None or page.specific_class is None:
        return
    if type(page) is not page.specific_class or not page.live:
        return
    if hasattr(page, "resolve_subpage"):  # RoutablePageMixin: routes below itself
        return
    _remember(key, _Route(_detached(site), type(page), page.pk, time.time()))
