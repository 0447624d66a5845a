"""Every page type renders in English, Czech and German: the right ``<html lang>``, the page's
translated content, translated interface text, and a language switcher that leads to the same
page's own translation."""

import re
from html.parser import HTMLParser

import pytest

from tests.site.conftest import marked

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

# One interface string per language, from the shared layout (skip link).
SKIP_LINK = {
    "en": "Skip to main content",
    "cs": "Přejít na hlavní obsah",
    "de": "Zum Hauptinhalt springen",
}


class LinkCollector(HTMLParser):
    """Collects the attributes of <html>, <a> and <link> elements."""

    def __init__(self):
        super().__init__()
        self.html_attrs: dict[str, str | None] = {}
        self.anchors: list[dict[str, str | None]] = []
        self.links: list[dict[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "html":
            self.html_attrs = dict(attrs)
        elif tag == "a":
            self.anchors.append(dict(attrs))
        elif tag == "link":
            self.links.append(dict(attrs))


def parse(content: bytes) -> LinkCollector:
    collector = LinkCollector()
    collector.feed(content.decode())
    return collector


@pytest.mark.django_db
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_page_renders_in_each_language_and_switches_to_its_translation(client, site_tree, key):
    for code in ("en", "cs", "de"):
        page = site_tree.page(key, code)
        url = page.get_url()
        assert url.startswith(f"/{code}/")

        response = client.get(url)

        assert response.status_code == 200
        html = response.content.decode()
        parsed = parse(response.content)
        assert parsed.html_attrs["lang"] == code
        assert SKIP_LINK[code] in html
        english_title = site_tree.page(key).title
        expected_title = english_title if code == "en" else marked(english_title, code)
        assert page.title == expected_title
        assert re.search(r"<h1[^>]*>\s*" + re.escape(expected_title), html)

        # The switcher leads to this same page in every language, marking the current one.
        switcher = {a["hreflang"]: a for a in parsed.anchors if a.get("hreflang")}
        assert set(switcher) == {"en", "cs", "de"}
        for other in ("en", "cs", "de"):
            assert switcher[other]["href"] == site_tree.page(key, other).get_url()
            assert switcher[other]["lang"] == other
            assert ("aria-current" in switcher[other]) is (other == code)

        alternates = {
            link["hreflang"]: link["href"]
            for link in parsed.links
            if link.get("rel") == "alternate" and link.get("hreflang")
        }
        assert alternates == {
            other: "http://testserver" + site_tree.page(key, other).get_url()
            for other in ("en", "cs", "de")
        }


@pytest.mark.django_db
def test_switcher_falls_back_to_home_for_an_untranslated_page(client, site_tree):
    from news.models import NewsPage

    only_english = NewsPage(title="Only in English", slug="only-in-english")
    site_tree.page("news_index").add_child(instance=only_english)
    only_english.save_revision().publish()

    response = client.get(only_english.get_url())
    anchors = parse(response.content).anchors
    switcher = {a["hreflang"]: a["href"] for a in anchors if a.get("hreflang")}
    assert switcher["de"] == "/de/"
    assert switcher["cs"] == "/cs/"
    alternates = [link for link in parse(response.content).links if link.get("hreflang")]
    assert [link["hreflang"] for link in alternates] == ["en"]


@pytest.mark.django_db
def test_menu_shows_the_sections_in_the_current_language(client, site_tree):
    response = client.get(site_tree.page("programme", "cs").get_url())
    html = response.content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    for key in ("programme", "news_index", "events_index", "cohort_index"):
        assert f'href="{site_tree.page(key, "cs").get_url()}"' in nav
        assert site_tree.page(key, "cs").title in nav
    assert 'aria-current="page">' + site_tree.page("programme", "cs").title in nav


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "cs", "de"])
def test_footer_text_is_the_translated_snippet(client, site_tree, code):
    response = client.get(site_tree.page("home", code).get_url())
    html = response.content.decode()
    footer = site_tree.footers[code]
    assert footer.locale.language_code == code
    expected = "careerSTEPS is run by two universities."
    assert (expected if code == "en" else marked(expected, code)) in html
    assert "mentoring@example.org" in html


@pytest.mark.django_db
def test_streamfield_blocks_render_translated(client, site_tree):
    html = client.get(site_tree.page("programme", "de").get_url()).content.decode()
    for text in ("For mentees", "It changed my plans.", "Who may apply?", "Ready?"):
        assert marked(text, "de") in html
    assert '<hr class="block-divider">' in html
    assert "<details" in html and "Jana Nováková" in html


@pytest.mark.django_db
def test_home_lists_news_events_and_open_cohorts_with_apply(client, site_tree):
    html = client.get("/de/").content.decode()
    assert site_tree.page("article", "de").title in html
    assert site_tree.page("workshop", "de").title in html
    assert site_tree.page("past_event", "de").title not in html  # past events are not upcoming
    cohort = site_tree.page("cohort", "de")
    assert cohort.title in html
    assert f'href="{cohort.get_url()}#apply"' in html
    assert "Jetzt bewerben" in html


@pytest.mark.django_db
def test_event_index_separates_upcoming_and_past_and_links_its_feed(client, site_tree):
    html = client.get(site_tree.page("events_index", "cs").get_url()).content.decode()
    upcoming, past = html.split("Proběhlé akce")
    assert site_tree.page("workshop", "cs").title in upcoming
    assert site_tree.page("past_event", "cs").title in past
    assert 'href="/cs/events/feed.ics"' in html


@pytest.mark.django_db
def test_event_page_shows_times_in_the_events_own_time_zone(client, site_tree):
    import zoneinfo

    webinar = site_tree.page("webinar", "de")
    html = client.get(webinar.get_url()).content.decode()
    local = webinar.starts_at.astimezone(zoneinfo.ZoneInfo("America/New_York"))
    assert "America/New_York" in html
    assert f'datetime="{local.isoformat()}"' in html
    # German date and time format (j. F Y H:i), e.g. "28. Dezember 2026 22:25".
    assert f"{local.day}. " in html and f"{local:%H:%M}" in html
    assert "Online teilnehmen" in html


@pytest.mark.django_db
def test_cohort_page_shows_status_dates_institutions_and_capacity(client, site_tree):
    cohort = site_tree.page("cohort", "cs")
    html = client.get(cohort.get_url()).content.decode()
    assert "Přihlášky jsou otevřené" in html
    assert "12 mentorských tandemů" in html
    mentees, mentors = html.split("Mentoři z")
    assert site_tree.institutions["wbu"]["cs"].name in mentees.split("Mentees z")[-1] or (
        site_tree.institutions["wbu"]["cs"].name in mentees
    )
    assert site_tree.institutions["oth"]["cs"].name in mentors
    assert site_tree.institutions["oth"]["en"].name not in mentors.replace(
        site_tree.institutions["oth"]["cs"].name, ""
    )
    assert "1. listopadu 2026" in html


@pytest.mark.django_db
def test_not_found_page_is_translated(client, site_tree):
    response = client.get("/de/does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert parse(response.content).html_attrs["lang"] == "de"
    assert "Seite nicht gefunden" in html


@pytest.mark.django_db
def test_untranslated_alias_page_marks_its_content_language(client, site_tree):
    """wagtail-localize's locale sync puts English aliases in the cs/de trees until translated:
    the page chrome is German, the content is marked as English, and the reader is told."""
    from wagtail.models import Locale

    from news.models import NewsPage

    english = NewsPage(title="English only", slug="english-only")
    site_tree.page("news_index").add_child(instance=english)
    english.save_revision().publish()
    alias = english.create_alias(
        parent=site_tree.page("news_index", "de"),
        update_locale=Locale.objects.get(language_code="de"),
    )

    html = client.get(alias.get_url()).content.decode()
    assert '<html lang="de"' in html
    assert '<main id="main" tabindex="-1" lang="en">' in html
    assert "Diese Seite wurde noch nicht in Ihre Sprache übersetzt" in html
    assert "English only" in html

    translated = client.get(site_tree.page("article", "de").get_url()).content.decode()
    assert '<main id="main" tabindex="-1">' in translated
