"""The headless API (Wagtail API v3): a language's page list and one page's detail."""

from __future__ import annotations

from bench.measure import Row, measure
from bench.options import Options, client, get_ok
from home.models import HomePage

NEEDS_DB = True


def rows(options: Options) -> list[Row]:
    browser = client()
    home = HomePage.objects.live().get(locale__language_code="de", depth=2)
    detail = f"/api/v3/pages/{home.pk}/"
    return [
        measure(
            "api.pages.list.de",
            lambda: get_ok(browser, "/api/v3/pages/", data={"locale": "de"}),
            repeat=options.repeat,
            limit_scale=options.limit_scale,
        ),
        measure(
            "api.pages.detail",
            lambda: get_ok(browser, detail),
            repeat=options.repeat,
            limit_scale=options.limit_scale,
        ),
    ]
