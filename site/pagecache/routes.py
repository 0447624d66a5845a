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

Only plain page routes are kept, and a page that routes further itself (``RoutablePageMixin``,
the event index) only at its own address (its index route, resolved again from the page on
each request); its other sub-routes, any route with arguments and every 404 are routed by
Wagtail each time. Entries are dropped
after ``ROUTE_SECONDS`` whatever the generation, like every other page-cache entry.

What a route keeps of its page is the page row itself, pickled (about 20 µs to unpickle, against
some 0.8 ms of CPU for building and running the primary-key query): every request unpickles
its own instance, so nothing a request does to its page reaches the next one, and the row is
as fresh as the generation (any save of a page starts a new one). A route also remembers
whether any view restriction applied to the page (Wagtail asks on every request, with two
queries: the ancestors, then the restrictions): when none did, the request's page answers
Wagtail's ``get_view_restrictions`` with an empty queryset, no query. Restrictions are watched
by the invalidation too (``wagtailcore.PageViewRestriction``), and so are the pages whose
``alias_of`` and place in the tree decide which restrictions apply.
"""

from __future__ import annotations

import copy
import pickle
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from pagecache import store

#: Routes each process remembers, least recently used out.
ROUTES = 512
#: Seconds a route is trusted at most, as the fragments (``{% cache 300 ... %}``).
ROUTE_SECONDS = 300


@dataclass(frozen=True)
class _Route:
    site: Site
    #: The page as loaded by its primary key (all its concrete fields, no related objects),
    #: pickled: each request unpickles an instance of its own.
    row: bytes
    #: No view restriction applied to the page (nor to its ancestors) when it was remembered.
    unrestricted: bool
    #: A ``RoutablePageMixin`` page at its own address (its index route, no arguments).
    routable: bool
    stored_at: float


def _no_view_restrictions() -> QuerySet[PageViewRestriction]:
    return PageViewRestriction.objects.none()


def _page_from(route: _Route) -> Page:
    page = pickle.loads(route.row)  # noqa: S301 - bytes this process pickled itself
    page.__dict__.pop("_django_version", None)  # added by pickling; a loaded page has none
    if route.unrestricted:
        # Wagtail's check_view_restrictions hook asks every request; nothing restricts this
        # page in this generation, so it gets the empty answer without its two queries.
        page.get_view_restrictions = _no_view_restrictions
    return page


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


#: Per generation and host: the Site (without related objects), its root page pickled when
#: the request that found the Site had loaded it (else None), and when it was stored.
_sites: dict[tuple, tuple[Site, bytes | None, float]] = {}


def _site_key(request: HttpRequest) -> tuple:
    return (store.generation_for(request), request._get_raw_host(), request.get_port())


def attach_site(request: HttpRequest) -> None:
    """Give ``request`` the Site Wagtail found for its host before, in this generation
    (``request._wagtail_site``, where ``Site.find_for_request`` looks first): the API, forms
    and page URLs ask for it on every request, and finding it is a query that ranks every
    site. Never a query here: an unknown host is left to Wagtail (and remembered after).

    The Site comes with its root page when that was remembered too (the API's public pages
    and the menus start from it): a copy of the Site and an instance of the root page of this
    request's own, so nothing a request changes reaches another."""
    if hasattr(request, "_wagtail_site"):
        return
    key = _site_key(request)
    with _lock:
        known = _sites.get(key)
    if known is not None and known[2] + ROUTE_SECONDS > time.time():
        site = copy.copy(known[0])
        if known[1] is not None:
            root = pickle.loads(known[1])  # noqa: S301 - bytes this process pickled itself
            root.__dict__.pop("_django_version", None)
            site._state.fields_cache["root_page"] = root
        request._wagtail_site = site


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
    root = _root_row(site)
    with _lock:
        if len(_sites) >= ROUTES:
            _sites.clear()
        _sites[key] = (_detached(site), root, time.time())


def _root_row(site: Site) -> bytes | None:
    """The Site's root page as loaded with it (a plain ``Page``, no related objects), pickled;
    None when this request never loaded it (it is not loaded here: no query)."""
    root = site._state.fields_cache.get("root_page")
    if root is None or type(root) is not Page or root.pk != site.root_page_id:
        return None
    kept = copy.copy(root)
    kept._state.fields_cache = {}
    for name in [attr for attr in vars(kept) if attr.startswith("_") and attr != "_state"]:
        del kept.__dict__[name]  # per-request memos Wagtail keeps on the instance
    return pickle.dumps(kept, pickle.HIGHEST_PROTOCOL)


def route(request: HttpRequest, path: str) -> None:
    """Give ``request`` its Wagtail route for ``path`` (``wagtail_serve``'s argument): from
    this process's memory when the same URL was routed in this generation, else by Wagtail
    (and remembered when it is a plain page route)."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    key = _key(request, path, store.generation_for(request))
    known = _recall(key)
    if known is not None:
        request._wagtail_site = copy.copy(known.site)
        page = _page_from(known)
        if known.routable:
            # The page's own address: its index route, resolved again (no query).
            request._wagtail_route_for_request = page.route(request, [])
        else:
            request._wagtail_route_for_request = RouteResult(page)
        return
    result = Page.route_for_request(request, path)
    if result is None:
        return
    page, args, kwargs = result
    site = getattr(request, "_wagtail_site", None)
    if site is None or page.specific_class is None:
        return
    if type(page) is not page.specific_class or not page.live:
        return
    routable = hasattr(page, "resolve_subpage")  # RoutablePageMixin: routes below itself
    if routable and not _at_own_address(request, args, kwargs):
        return
    if not routable and (args or kwargs):
        return
    # The row as a request that loads the page by its key gets it (routing may have left
    # related objects or attributes on Wagtail's instance).
    fresh = type(page).objects.filter(pk=page.pk).first()
    if fresh is None or not fresh.live:
        return
    _remember(
        key,
        _Route(
            site=_detached(site),
            row=pickle.dumps(fresh, pickle.HIGHEST_PROTOCOL),
            unrestricted=not fresh.get_view_restrictions().exists(),
            routable=routable,
            stored_at=time.time(),
        ),
    )


def _at_own_address(request: HttpRequest, args: tuple, kwargs: dict) -> bool:
    """Whether a ``RoutablePageMixin`` page was routed to its index route at its own address:
    Wagtail's route is ``(view, view_args, view_kwargs)`` with the pattern ``""`` and no
    arguments. Only that route is remembered (it is resolved again from the page on every
    request, which needs no query); any other sub-route is routed by Wagtail each time."""
    match = getattr(request, "routable_resolver_match", None)
    if match is None or kwargs or len(args) != 3:
        return False
    _view, view_args, view_kwargs = args
    return match.route == "" and not view_args and not view_kwargs
