"""The page cache: anonymous visitors get stored pages, and a published change shows on the
very next request in every language that shows it (the page itself, the indexes that list it,
the menu and the footer of every page)."""

import datetime as dt

import pytest
from django.core.cache import caches
from wagtail.models import Page

from news.models import NewsPage
from pagecache import store
from tests.site.conftest import add, marked, publish, translate

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "cs", "de")


def get(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return response


def warm(client, urls) -> None:
    """Fetch each URL twice: the second answer must come from the cache."""
    for url in urls:
        assert get(client, url)["X-Page-Cache"] == "miss", url
        assert get(client, url)["X-Page-Cache"] == "hit", url


def test_an_anonymous_page_is_stored_once_and_served_identically_per_language(client, site_tree):
    for code in LANGUAGES:
        url = site_tree.page("programme", code).get_url()
        first = get(client, url)
        second = get(client, url)
        assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]
        assert f'<html lang="{code}"' in second.content.decode()
        assert "Set-Cookie" not in second.headers


def test_a_head_request_is_answered_from_the_stored_page(client, site_tree):
    url = site_tree.page("home", "de").get_url()
    warm(client, [url])
    assert client.head(url)["X-Page-Cache"] == "hit"


def test_a_published_article_and_its_translations_show_at_once_in_every_news_index(
    client, site_tree, django_capture_on_commit_callbacks
):
    indexes = {code: site_tree.page("news_index", code).get_url() for code in LANGUAGES}
    warm(client, indexes.values())
    with django_capture_on_commit_callbacks(execute=True):
        article = add(
            site_tree.page("news_index"),
            NewsPage(
                title="Second cohort announced",
                slug="second-cohort-announced",
                introduction="Applications open in September.",
                date_published=dt.date(2026, 11, 20),
            ),
        )
    response = get(client, indexes["en"])
    assert response["X-Page-Cache"] == "miss"
    assert "Second cohort announced" in response.content.decode()
    warm(client, [indexes["cs"], indexes["de"]])
    for code in ("cs", "de"):
        with django_capture_on_commit_callbacks(execute=True):
            translate(article, code)
        answer = get(client, indexes[code]).content.decode()
        assert marked("Second cohort announced", code) in answer


def test_an_unpublished_article_disappears_from_its_index_and_answers_404(client, site_tree):
    index = site_tree.page("news_index", "en").get_url()
    article = site_tree.page("article", "en")
    warm(client, [index, article.get_url()])
    article.unpublish()
    assert "Pilot cohort starts" not in get(client, index).content.decode()
    assert client.get(article.get_url()).status_code == 404


def test_a_retitled_menu_page_changes_the_menu_on_every_page_of_its_language(client, site_tree):
    pages = ["home", "article", "workshop", "cohort"]
    urls = {code: [site_tree.page(key, code).get_url() for key in pages] for code in LANGUAGES}
    warm(client, [url for code in LANGUAGES for url in urls[code]])
    programme = site_tree.page("programme", "de")
    programme.title = "Das Programm im Überblick"
    publish(programme)
    for url in urls["de"]:
        assert "Das Programm im Überblick" in get(client, url).content.decode(), url
    for url in urls["en"]:
        assert "Das Programm im Überblick" not in get(client, url).content.decode(), url


def test_a_page_moved_out_of_the_menu_section_leaves_the_old_index(client, site_tree):
    index = site_tree.page("news_index", "en").get_url()
    warm(client, [index])
    site_tree.page("article", "en").move(site_tree.page("events_index", "en"), pos="last-child")
    assert "Pilot cohort starts" not in get(client, index).content.decode()


def test_a_deleted_page_disappears_from_its_index(client, site_tree):
    index = site_tree.page("news_index", "en").get_url()
    warm(client, [index])
    Page.objects.get(pk=site_tree.page("article", "en").pk).delete()
    assert "Pilot cohort starts" not in get(client, index).content.decode()


def test_a_republished_footer_shows_on_the_next_request(client, site_tree):
    urls = [site_tree.page("programme", code).get_url() for code in LANGUAGES]
    warm(client, urls)
    footer = site_tree.footers["en"]
    footer.contact_email = "office@example.org"
    footer.save_revision().publish()
    assert "office@example.org" in get(client, urls[0]).content.decode()  # English


def test_a_renamed_institution_shows_on_the_cohort_page(client, site_tree):
    url = site_tree.page("cohort", "en").get_url()
    warm(client, [url])
    institution = site_tree.institutions["wbu"]["en"]
    institution.name = "Západočeská univerzita v Plzni (UWB)"
    institution.save()
    assert "Západočeská univerzita v Plzni (UWB)" in get(client, url).content.decode()


def test_entries_of_an_older_generation_are_never_read(client, site_tree):
    url = site_tree.page("home", "en").get_url()
    warm(client, [url])
    before = store.generation()
    store.bump()
    assert store.generation() > before
    assert get(client, url)["X-Page-Cache"] == "miss"


def test_a_lost_generation_counter_restarts_above_every_earlier_value(site_tree):
    before = store.generation()
    caches[store.CACHE_ALIAS].delete(store.GENERATION_KEY)
    assert store.generation() > before


def test_invalidation_leaves_other_models_their_fast_delete():
    """Only page models (and the watched ones) have the page cache's receivers: a receiver
    for every model would turn each bulk delete, the task queue's included, into a SELECT
    of the rows and a DELETE, with signals."""
    from django.db.models.deletion import Collector
    from django_q.models import OrmQ

    from workflows.notifications.models import OutboundEmail

    for model in (OrmQ, OutboundEmail):
        assert Collector(using="default").can_fast_delete(model.objects.all()), model
    assert not Collector(using="default").can_fast_delete(NewsPage.objects.all())
