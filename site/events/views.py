"""The iCal feed's address, ``/<lang>/<events index path>/feed.ics``.

Wagtail's page URL pattern only matches path segments of letters, digits, ``-`` and ``_``
ending in a slash, so a request for ``feed.ics`` never reaches the index page's routable
``feed.ics`` route. This view routes the rest of the path the way Wagtail does (in the
language of the URL prefix) and hands the request to that index page. ``/<lang>/feed.ics``
is the same feed under an address that does not depend on the translated slug.
"""

from django.http import Http404, HttpRequest, HttpResponse
from wagtail.models import Page, PageViewRestriction

from events.models import EventIndexPage


def ical_feed(request: HttpRequest, path: str) -> HttpResponse:
    """``<events index>/feed.ics``; ``/<lang>/feed.ics`` (no path) is a language-neutral alias
    for the feed of that language's first events index, whatever its translated slug."""
    route = Page.route_for_request(request, path)
    if route is None:
        raise Http404
    page = route[0].specific
    if not path:
        page = EventIndexPage.objects.live().child_of(page).first()
        if page is None:
            raise Http404
    if not isinstance(page, EventIndexPage) or not page.live:
        raise Http404
    # A feed has no login: only publicly visible event indexes have one.
    if PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists():
        raise Http404
    return page.ical_feed(request)
