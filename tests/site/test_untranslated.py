"""Untranslated pages: wagtail-localize keeps the Czech and German trees in step by aliasing
new English pages, but listings, menus, the home page and feeds in cs and de show only pages
translated into that language."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import Locale, Page

from events.models import EventPage
from news.models import NewsPage
from programme.models import ProgrammePage
from tests.site.conftest import add


def alias_everywhere(page: Page) -> None:
    """What the locale synchronisation does when an editor publishes a new English page."""
    for code in ("cs", "de"):
        locale = Locale.objects.get(language_code=code)
        page.copy_for_translation(locale, copy_parents=False, alias=True)


@pytest.fixture
def untranslated(site_tree):
    article = add(
        site_tree.page("news_index"),
        NewsPage(
            title="English only headline",
            slug="english-only",
            date_published=timezone.localdate() + dt.timedelta(days=1),
        ),
    )
    event = add(
        site_tree.page("events_index"),
        EventPage(
            title="English only event",
            slug="english-only-event",
            event_type=EventPage.EventType.WORKSHOP,
            starts_at=timezone.now() + dt.timedelta(days=2),
            ends_at=timezone.now() + dt.timedelta(days=2, hours=1),
        ),
    )
    menu_page = add(
        site_tree.page("home"),
        ProgrammePage(title="English only menu page", slug="english-only-menu", show_in_menus=True),
    )
    for page in (article, event, menu_page):
        alias_everywhere(page)
    return article


def text_of(client, page) -> str:
    return BeautifulSoup(client.get(page.url).content.decode(), "html.parser").get_text()


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["cs", "de"])
def test_aliases_are_absent_from_listings_menus_home_and_feeds(
    client, site_tree, untranslated, code
):
    assert NewsPage.objects.filter(locale__language_code=code, alias_of=untranslated).exists()
    home = text_of(client, site_tree.page("home", code))
    news = text_of(client, site_tree.page("news_index", code))
    events = text_of(client, site_tree.page("events_index", code))
    for text in (home, news, events):
        assert "English only" not in text
    assert site_tree.page("article", code).title in news  # translated ones stay
    feed = Calendar.from_ical(
        client.get(site_tree.page("events_index", code).url + "feed.ics").content
    )
    assert "English only event" not in [str(e["SUMMARY"]) for e in feed.walk("VEVENT")]


@pytest.mark.django_db
def test_english_lists_its_own_new_pages(client, site_tree, untranslated):
    home = text_of(client, site_tree.page("home"))
    assert "English only headline" in home and "English only event" in home
    assert "English only menu page" in home
    assert "English only headline" in text_of(client, site_tree.page("news_index"))
