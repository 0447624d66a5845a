"""``/sitemap.xml``: every public page in every language, each with its translations as
``hreflang`` alternates and an ``x-default`` (the language-neutral root for the home page,
else the source-language page). Untranslated aliases are not listed (they would repeat the
source text under another address). Addresses are absolute on ``SITE_URL``."""

from __future__ import annotations

from collections import defaultdict

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from wagtail.models import Locale, Page, PageViewRestriction

from base.site_url import absolute


def public_pages():
    restricted = PageViewRestriction.objects.values_list("page__path", flat=True)
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )
    prefixes = tuple(restricted)
    return [page for page in pages if not prefixes or not page.path.startswith(prefixes)]


def sitemap_entries(request: HttpRequest | None = None) -> list[dict]:
    pages = public_pages()
    default_language = Locale.get_default().language_code
    by_key: dict = defaultdict(dict)
    urls: dict[int, str] = {}
    for page in pages:
        url = page.get_url(request=request)
        if not url:
            continue
        urls[page.pk] = absolute(url)
        by_key[page.translation_key][page.locale.language_code] = urls[page.pk]
    entries = []
    for page in pages:
        if page.pk not in urls:
            continue
        versions = by_key[page.translation_key]
        alternates = [{"lang": code, "href": href} for code, href in sorted(versions.items())]
        if page.depth == 2:  # a home page: the root picks the reader's language
            x_default = absolute("/")
        else:
            x_default = versions.get(default_language) or urls[page.pk]
        entries.append(
            {
                "loc": urls[page.pk],
                "lastmod": page.last_published_at,
                "alternates": alternates if len(alternates) > 1 else [],
                "x_default": x_default if len(alternates) > 1 else "",
            }
        )
    return entries


def sitemap(request: HttpRequest) -> HttpResponse:
    xml = render_to_string("base/sitemap.xml", {"entries": sitemap_entries(request)})
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
