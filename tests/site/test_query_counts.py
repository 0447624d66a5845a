"""Query counts: every public page stays within 12 queries without the page cache (its menus,
switcher and footer come from fragment caches after the first visit), and listings make the
same number of queries whatever the number of rows they show (no N+1)."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventPage
from news.models import NewsPage
from tests.site.conftest import add

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12
PAGE_KEYS = [
    "home",
    "programme",
    "news_index",
    "article",
    "events_index",
    "workshop",
    "cohort_index",
    "cohort",
]


@pytest.fixture
def no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def captured(client, url: str, **params) -> list[str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return [query["sql"] for query in context.captured_queries]


def queries_of(client, url: str, **params) -> int:
    return len(captured(client, url, **params))


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_a_public_page_makes_at_most_12_queries_without_the_page_cache(
    client, site_tree, no_page_cache, key
):
    for code in ("en", "cs", "de"):
        url = site_tree.page(key, code).get_url()
        client.get(url)  # fills the fragment caches (menus, switcher, footer)
        queries = captured(client, url)
        listing = "\n".join(sql[:150] for sql in queries)
        assert len(queries) <= MAX_QUERIES, f"{url}: {len(queries)} queries:\n{listing}"


def add_articles(site_tree, count: int, start: int) -> None:
    for number in range(start, start + count):
        add(
            site_tree.page("news_index"),
            NewsPage(
                title=f"Story {number}",
                slug=f"story-{number}",
                introduction="More news.",
                date_published=dt.date(2026, 1, 1) + dt.timedelta(days=number),
            ),
        )


def add_events(site_tree, now, count: int, start: int) -> None:
    for number in range(start, start + count):
        add(
            site_tree.page("events_index"),
            EventPage(
                title=f"Meeting {number}",
                slug=f"meeting-{number}",
                event_type=EventPage.EventType.PROGRAMME_MEETING,
                starts_at=now + dt.timedelta(days=number + 1),
                ends_at=now + dt.timedelta(days=number + 1, hours=2),
                timezone="Europe/Prague",
                venue="Pilsen",
                institution=site_tree.institutions["oth"]["en"],
            ),
        )


def test_the_news_index_query_count_does_not_grow_with_its_articles(
    client, site_tree, no_page_cache
):
    url = site_tree.page("news_index").get_url()
    add_articles(site_tree, 3, start=1)
    client.get(url)
    few = queries_of(client, url)
    add_articles(site_tree, 6, start=4)
    client.get(url)
    assert queries_of(client, url) == few


def test_the_event_index_and_feed_query_counts_do_not_grow_with_their_events(
    client, site_tree, now, no_page_cache
):
    index = site_tree.page("events_index")
    urls = [index.get_url(), index.get_url() + "feed.ics"]
    add_events(site_tree, now, 3, start=1)
    for url in urls:
        client.get(url)
    few = [queries_of(client, url) for url in urls]
    add_events(site_tree, now, 6, start=4)
    for url in urls:
        client.get(url)
    assert [queries_of(client, url) for url in urls] == few


def test_the_api_page_listing_query_count_does_not_grow_with_its_pages(client, site_tree, now):
    add_articles(site_tree, 3, start=1)
    params = {"locale": "en", "limit": 100}
    queries_of(client, "/api/v3/pages/", **params)  # one-time lookups (content types)
    few = queries_of(client, "/api/v3/pages/", **params)
    add_articles(site_tree, 6, start=4)
    add_events(site_tree, now, 3, start=1)
    # The new pages start a new page-cache generation: its first request finds the Site (and
    # its root page) again, as the first request above did; compare the next one.
    queries_of(client, "/api/v3/pages/", **params)
    assert queries_of(client, "/api/v3/pages/", **params) == few
