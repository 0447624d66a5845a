"""Site pages as a visitor gets them: home, programme, a news article, the event index and a
cohort page, in each language, through the full middleware stack (no page cache yet)."""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page

from bench.measure import Row, measure
from bench.options import Options, client, get_ok

NEEDS_DB = True

#: row label -> page model (app_label.ModelName); the first live page of each is measured.
PAGES = {
    "home": "home.HomePage",
    "programme": "programme.ProgrammePage",
    "news_article": "news.NewsPage",
    "event_index": "events.EventIndexPage",
    "cohort": "cohorts.CohortPage",
}


def page_url(model_label: str, language: str) -> str:
    from django.apps import apps

    model = apps.get_model(model_label)
    page = (
        Page.objects.type(model)
        .live()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )
    if page is None:
        raise RuntimeError(f"the demo has no live {model_label} in {language!r}")
    return page.get_url()


def rows(options: Options) -> list[Row]:
    browser = client()
    results = []
    for label, model_label in PAGES.items():
        for language, _name in settings.LANGUAGES:
            url = page_url(model_label, language)
            results.append(
                measure(
                    f"page.{label}.{language}",
                    lambda url=url: get_ok(browser, url),
                    repeat=options.repeat,
                    limit_scale=options.limit_scale,
                )
            )
    return results
