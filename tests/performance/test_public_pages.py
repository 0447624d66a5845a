"""Public pages that tests/site/test_query_counts.py does not measure: an application form,
the webinar and past event pages, the sitemap, the verification page and the portal's
sign-in page, each within 12 queries without the page cache (issue 12), in every language
it exists in."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from tests.applications.conftest import make_form_page
from tests.performance.conftest import queries_of
from tests.site.conftest import shared_site_tree, site_tree  # noqa: F401 - pytest fixtures

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site_tree_rows(django_db_setup, django_db_blocker):
    """The site tree built once for this module's tests (in a transaction rolled back after
    them); each test gets it loaded again from the database (``site_tree``)."""
    yield from shared_site_tree(django_db_blocker, timezone.now().replace(microsecond=0))


MAX_QUERIES = 12


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def within_limit(client, url: str) -> None:
    client.get(url)  # fills the fragment caches (menus, switcher, footer)
    queries = queries_of(client, url)
    listing = "\n".join(sql[:150] for sql in queries)
    assert len(queries) <= MAX_QUERIES, f"{url}: {len(queries)} queries:\n{listing}"


@pytest.mark.parametrize("key", ["webinar", "past_event"])
def test_the_other_event_pages_stay_within_12_queries(client, site_tree, no_page_cache, key):  # noqa: F811
    for code in ("en", "cs", "de"):
        within_limit(client, site_tree.page(key, code).get_url())


def test_an_application_form_stays_within_12_queries(client, site_tree, no_page_cache):  # noqa: F811
    from applications.models import Discipline, PrivacyNotice
    from tests.factories import english

    Discipline.objects.create(key="informatics", name="Informatics", locale=english())
    PrivacyNotice.objects.create(
        version="2026-09",
        title="Privacy notice",
        text="<p>We keep your data safe.</p>",
        effective_from=timezone.now() - timezone.timedelta(days=30),
        locale=english(),
    )
    form = make_form_page(site_tree.page("cohort").specific, "mentee")
    within_limit(client, form.get_url())


def test_the_sitemap_verification_and_sign_in_pages_stay_within_12_queries(
    client,
    site_tree,  # noqa: F811
    no_page_cache,
):
    within_limit(client, "/sitemap.xml")
    for code in ("en", "cs", "de"):
        with translation.override(code):
            within_limit(client, reverse("agreements:verify"))
            within_limit(client, reverse("portal:sign_in"))
