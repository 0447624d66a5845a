"""Page URLs without a database query."""

from __future__ import annotations

from django.http import HttpRequest
from wagtail.models import Page


def parent_url(page: Page, request: HttpRequest | None = None) -> str:
    """The URL of ``page``'s parent: Wagtail builds a page's URL from its ancestors' slugs, so
    the parent's is the page's own minus its last segment (``get_parent`` costs two queries,
    the parent and then its specific page, on every page that links back to its index)."""
    url = page.get_url(request=request) or ""
    trimmed = url.rstrip("/")
    if "/" not in trimmed:
        return url
    return trimmed.rsplit("/", 1)[0] + "/"
