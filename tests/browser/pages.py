"""Where the public pages of the running site are, found in its database (not hard-coded
slugs), so the tests follow whatever ``manage.py demo`` publishes."""

from __future__ import annotations

from .servers import RunningSite

LANGUAGES = ("en", "cs", "de")
PUBLIC_PAGES = (
    "home",
    "programme",
    "news_index",
    "news_article",
    "event_index",
    "event",
    "cohort_index",
    "cohort",
)

_FIND_PAGES = """
from wagtail.models import Locale
from home.models import HomePage
from programme.models import ProgrammePage
from news.models import NewsIndexPage, NewsPage
from events.models import EventIndexPage, EventPage
from cohorts.models import CohortIndexPage, CohortPage
models = {
    "home": HomePage, "programme": ProgrammePage, "news_index": NewsIndexPage,
    "news_article": NewsPage, "event_index": EventIndexPage, "event": EventPage,
    "cohort_index": CohortIndexPage, "cohort": CohortPage,
}
english = Locale.objects.get(language_code="en")
result = {}
for kind, model in models.items():
    source = model.objects.live().public().filter(locale=english).order_by("path").first()
    if source is None:
        continue
    for page in source.get_translations(inclusive=True).live().specific():
        result.setdefault(page.locale.language_code, {})[kind] = page.get_url()
"""


def find_public_pages(site: RunningSite) -> dict[str, dict[str, str]]:
    """{language: {kind: path}} for the first live page of each public type, per language."""
    return site.query(_FIND_PAGES)


_FIND_FORMS = """
from applications.models import ApplicationFormPage
result = {}
for form in ApplicationFormPage.objects.live().public().specific().order_by("path"):
    cohort = form.get_source_cohort()
    if not cohort.is_open_for_applications():
        continue
    result.setdefault(form.locale.language_code, {}).setdefault(form.role, form.get_url())
"""


def find_application_forms(site: RunningSite) -> dict[str, dict[str, str]]:
    """{language: {role: path}} of the application forms of a cohort open right now."""
    return site.query(_FIND_FORMS)
