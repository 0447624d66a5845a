"""Remembered page routes and the programme page's content fragment (pagecache/routes.py):
with the page cache off, a URL routed once is routed again with fewer queries and the same
answer, and every change that moves, renames, retitles or unpublishes a page shows on the
next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.site.conftest import publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_SECONDS = 0


def fetch(client, url: str, status: int = 200):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status, url
    return response, len(queries)


def test_a_page_routed_once_is_routed_again_with_fewer_queries_and_the_same_answer(
    client, site_tree
):
    url = site_tree.page("programme", "cs").get_url()
    first, first_queries = fetch(client, url)
    second, second_queries = fetch(client, url)
    assert second.content == first.content
    assert "X-Page-Cache" not in second.headers  # the page cache is off: really rendered
    assert second_queries < first_queries


def test_a_renamed_slug_answers_at_its_new_address_only(client, site_tree):
    page = site_tree.page("programme", "en")
    old = page.get_url()
    fetch(client, old)
    fetch(client, old)
    page.slug = "our-programme"
    publish(page)
    fetch(client, old, status=404)
    assert fetch(client, page.get_url())[0].status_code == 200


def test_a_retitled_page_shows_its_new_title_on_the_next_request(client, site_tree):
    page = site_tree.page("programme", "de")
    url = page.get_url()
    fetch(client, url)
    fetch(client, url)
    page.title = "Das Programm in Kürze"
    publish(page)
    assert "Das Programm in Kürze" in fetch(client, url)[0].content.decode()


def test_an_unpublished_page_answers_404_on_the_next_request(client, site_tree):
    page = site_tree.page("programme", "en")
    url = page.get_url()
    fetch(client, url)
    fetch(client, url)
    page.unpublish()
    fetch(client, url, status=404)


def test_a_remembered_page_is_served_without_a_query_and_each_request_gets_its_own_copy(
    client, site_tree
):
    """The route keeps the page row and that no view restriction applies: the third request
    makes no query at all (menus, switcher, footer and article are fragments), and what a
    request does to its page instance never reaches the next request."""
    url = site_tree.page("programme", "cs").get_url()
    first, _ = fetch(client, url)
    fetch(client, url)
    third = client.get(url)
    served = third.context["page"] if third.context else None
    with CaptureQueriesContext(connection) as queries:
        fourth = client.get(url)
    assert fourth.content == first.content
    assert len(queries) == 0, [q["sql"][:200] for q in queries]
    if served is not None:
        assert fourth.context["page"] is not served
        served.title = "changed in memory by an earlier request"
        assert client.get(url).content == first.content


def test_a_view_restriction_added_after_the_route_was_remembered_applies_at_once(client, site_tree):
    from wagtail.models import PageViewRestriction

    page = site_tree.page("programme", "en")
    url = page.get_url()
    fetch(client, url)
    fetch(client, url)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert client.get(url).status_code == 302  # and again, from the remembered route


def test_a_restricted_section_stays_restricted_below_it_when_routes_are_remembered(
    client, site_tree
):
    """A restriction on the home page applies to the programme page below it, on the first
    request and every later one."""
    from wagtail.models import PageViewRestriction

    home = site_tree.page("home", "en")
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    url = site_tree.page("programme", "en").get_url()
    for _ in range(3):
        assert client.get(url).status_code == 302


def test_the_event_index_is_remembered_at_its_own_address_only(client, site_tree):
    """A routable page (the event index) is remembered at its own address, its index route
    resolved again from the remembered page; its feed, a sub-route, is routed as before."""
    index = site_tree.page("events_index", "de")
    url = index.get_url()
    first, _ = fetch(client, url)
    fetch(client, url)
    with CaptureQueriesContext(connection) as queries:
        third = client.get(url)
    assert third.content == first.content
    assert len(queries) == 0, [q["sql"][:200] for q in queries]
    for _ in range(2):
        feed = client.get(url + "feed.ics")
        assert feed.status_code == 200
        assert feed["Content-Type"].startswith("text/calendar")
    index.title = "Alle Veranstaltungen"
    publish(index)
    assert "Alle Veranstaltungen" in fetch(client, url)[0].content.decode()
