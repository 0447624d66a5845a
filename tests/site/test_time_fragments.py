"""Content fragments of the public pages. The home page's and the event index's are kept under
the page-cache generation and the stretch of time between two moments at which those pages
change by time alone (an event ends, a cohort opens or closes: pagecache/clock.py), so a
fragment is exactly what a fresh rendering gives at any time, with no publish in between; the
news index's and an article's under the generation alone."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pagecache import clock

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0  # every request renders; only the fragments are kept


def get(client, url: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    assert "X-Page-Cache" not in response.headers
    return response.content.decode(), len(queries)


def at(monkeypatch, moment: dt.datetime) -> None:
    """Set the clock every part of the site reads (``django.utils.timezone.now``)."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.mark.parametrize("key", ["home", "events_index", "news_index", "article"])
def test_the_fragment_gives_the_same_bytes_as_the_first_rendering_with_fewer_queries(
    client, site_tree, key
):
    url = site_tree.page(key, "cs").get_url()
    first, first_queries = get(client, url)
    second, second_queries = get(client, url)
    assert second == first
    assert second_queries < first_queries


def test_an_event_leaves_the_upcoming_listings_when_it_ends_without_a_publish(
    client, site_tree, monkeypatch
):
    workshop = site_tree.page("workshop", "de")
    home_url = site_tree.page("home", "de").get_url()
    index_url = site_tree.page("events_index", "de").get_url()
    at(monkeypatch, workshop.ends_at - dt.timedelta(minutes=5))
    for _ in range(2):  # rendered, then from the fragment
        assert workshop.title in get(client, home_url)[0]
        upcoming = get(client, index_url)[0].split("Vergangene Veranstaltungen", 1)[0]
        assert workshop.title in upcoming
    at(monkeypatch, workshop.ends_at)  # the moment itself: still upcoming (ends_at >= now)
    assert workshop.title in get(client, home_url)[0]
    at(monkeypatch, workshop.ends_at + dt.timedelta(microseconds=1))
    assert workshop.title not in get(client, home_url)[0]
    html = get(client, index_url)[0]
    assert workshop.title in html.split("Vergangene Veranstaltungen", 1)[1]


def test_a_cohort_leaves_the_home_page_when_its_applications_close_without_a_publish(
    client, site_tree, monkeypatch
):
    cohort = site_tree.page("cohort", "de")
    url = site_tree.page("home", "de").get_url()
    at(monkeypatch, cohort.application_closes_at - dt.timedelta(seconds=1))
    for _ in range(2):
        assert "Jetzt bewerben" in get(client, url)[0]
    at(monkeypatch, cohort.application_closes_at)
    html = get(client, url)[0]
    assert "Jetzt bewerben" not in html
    assert f'href="{cohort.get_url()}#apply"' not in html


def test_epochs_tell_a_moment_from_the_stretches_on_either_side(site_tree, rf):
    moment = site_tree.page("workshop", "en").ends_at
    request = rf.get("/")
    before = clock.epoch(request, moment - dt.timedelta(microseconds=1))
    on = clock.epoch(request, moment)
    after = clock.epoch(request, moment + dt.timedelta(microseconds=1))
    assert len({before, on, after}) == 3
    assert clock.epoch(request, moment - dt.timedelta(microseconds=2)) == before


def test_a_retitled_article_shows_on_its_page_and_the_news_index_on_the_next_request(
    client, site_tree
):
    from tests.site.conftest import publish

    article = site_tree.page("article", "de")
    index_url = site_tree.page("news_index", "de").get_url()
    for _ in range(2):
        get(client, index_url)
        get(client, article.get_url())
    article.title = "Neuer Titel des Artikels"
    publish(article)
    assert "Neuer Titel des Artikels" in get(client, index_url)[0]
    assert "Neuer Titel des Artikels" in get(client, article.get_url())[0]
