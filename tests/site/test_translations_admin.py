"""The admin in Czech and German: no English or broken Wagtail strings on the screens staff use.

The strings listed here were seen on those screens (demo data, Chromium, cs and de) before the
catalogs in locales/<lang>/overrides/ existed. The demo is loaded once for the module and rolled
back at the end, as in tests/demo.
"""

import datetime as dt
import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.admin.templatetags.wagtailadmin_tags import timesince_last_update, timesince_simple
from wagtail.models import Page

pytestmark = pytest.mark.django_db

#: English Wagtail / wagtail-localize text seen on the Czech admin screens before the fix.
SEEN_IN_CZECH = [
    "Translations",
    "Editor Guide",
    "Shortcuts",
    "Toggle sidebar",
    "All keyboard shortcuts",
    "Keyboard shortcut",
    "Text formatting",
    "Paste without formatting",
    "Close modal dialogs",
    "Filter by",
    "Show filters",
    "Toggle breadcrumbs",
    "Side panel width",
    "Switch locales",
    "Available in",
    "No publishing schedule set",
    "Visible to all",
    "Anyone can edit",
    "Once live anyone can view",
    "Go to the first error",
    "Search all pages",
    "Edit account avatar",
    "Close dialog",
    "Actions (footer)",
    "Locale:",
    "Usage count",
    "Add to collection",
    "Set publishing schedule",
    "Content metrics",
    "Reading time",
    "Preview is out of date",
    "A network error occurred",
    "Dashboard",
    "Před 1 minuta",
    " stránky across",
    "Snippets",
    "Actions",
]
#: The same for German.
SEEN_IN_GERMAN = ["Translations", "Locale:", "What's new", "Actions"]
#: "1-3 of 3 stránky": a range with an English "of", in any language.
ENGLISH_RANGE = re.compile(r"\d+\s*[-–]\s*\d+ of \d+")


def screens(ids: dict[str, int]) -> dict[str, list[str]]:
    """The screens each role uses, by demo login."""
    common = [reverse("wagtailadmin_home"), reverse("wagtailadmin_account")]
    return {
        "editor": common
        + [
            reverse("wagtailadmin_explore_root"),
            reverse("wagtailadmin_explore", args=[ids["home"]]),
            reverse("wagtailadmin_pages:search") + "?q=mentor",
            reverse("wagtailadmin_pages:edit", args=[ids["home"]]),
            reverse("wagtailadmin_pages:edit", args=[ids["czech_page"]]),
            reverse("wagtailadmin_pages:history", args=[ids["czech_page"]]),
            reverse("wagtailsnippets:index"),
            reverse("wagtailsnippets_base_footertext:list"),
            reverse("wagtaildocs:index"),
            reverse("wagtailimages:index"),
            reverse("wagtailadmin_reports:aging_pages"),
            reverse("wagtail_localize:translations_report"),
        ],
        "coordinator": common + ["/admin/applications/", "/admin/reviews/decisions/"],
        "reviewer": common + ["/admin/reviews/mine/"],
    }


@pytest.fixture(scope="module")
def demo_ids(django_db_setup, django_db_blocker):
    """``manage.py demo`` once for the module (rolled back at the end); ids the screens need."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", stdout=io.StringIO())
        home = Page.objects.get(depth=2, locale__language_code="en")
        czech_page = Page.objects.filter(locale__language_code="cs", depth=3).first()
        yield {"home": home.pk, "czech_page": czech_page.pk}
        transaction.set_rollback(True)


def client_for(username: str, language: str) -> Client:
    user = get_user_model().objects.get(username=username)
    profile = user.wagtail_userprofile
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    client = Client()
    client.force_login(user)
    return client


def readable_text(html: str) -> str:
    """What a person reads or hears: the text (templates for dialogs included), the labels of
    controls, and the sidebar's labels, which Wagtail renders from JSON; every run of white
    space (no-break spaces too) as one space."""
    soup = BeautifulSoup(html, "html.parser")
    parts = []
    for script in soup.find_all("script"):
        if script.get("id") == "wagtail-sidebar-props" and script.string:
            parts.extend(_strings_in(json.loads(script.string)))
        script.decompose()
    for style in soup.find_all("style"):
        style.decompose()
    for element in soup.find_all(True):
        for attribute in ("aria-label", "title", "placeholder", "data-w-tooltip-content-value"):
            if element.get(attribute):
                parts.append(element[attribute])
    parts.append(soup.get_text(" "))
    return re.sub(r"\s+", " ", " ".join(parts))


def _strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings_in(item)]
    return []


@pytest.mark.parametrize(
    ("language", "seen"), [("cs", SEEN_IN_CZECH), ("de", SEEN_IN_GERMAN)], ids=["cs", "de"]
)
@pytest.mark.parametrize("username", ["editor", "coordinator", "reviewer"])
def test_admin_screens_show_no_english_seen_before(demo_ids, db, username, language, seen):
    client = client_for(username, language)
    found = {}
    for url in screens(demo_ids)[username]:
        response = client.get(url)
        assert response.status_code == 200, url
        text = readable_text(response.content.decode())
        hits = [string for string in seen if string in text]
        hits += ENGLISH_RANGE.findall(text)
        if hits:
            found[url] = hits
    assert not found


def test_menu_labels_follow_each_request_language_not_the_first_one(demo_ids, db):
    """Wagtail builds its menus once; the labels must still follow each person's language."""
    english = readable_text(client_for("editor", "en").get(reverse("wagtailadmin_home")).text)
    czech = readable_text(client_for("reviewer", "cs").get(reverse("wagtailadmin_home")).text)
    german = readable_text(client_for("coordinator", "de").get(reverse("wagtailadmin_home")).text)
    assert "What's new in Wagtail" in english and "Co je nového" not in english
    assert "Co je nového ve Wagtail" in czech and "Překlady" in czech
    assert "Was ist neu in Wagtail" in german and "Übersetzungen" in german


@pytest.mark.parametrize(
    ("language", "five_days", "one_minute", "two_years"),
    [
        ("cs", "před 5\xa0dny", "před 1\xa0minutou", "před 2\xa0lety"),
        ("de", "vor 5\xa0Tagen", "vor 1\xa0Minute", "vor 2\xa0Jahren"),
        ("en", "5\xa0days ago", "1\xa0minute ago", "2\xa0years ago"),
    ],
)
def test_time_ago_takes_the_case_after_the_preposition(language, five_days, one_minute, two_years):
    now = timezone.now()
    with translation.override(language):
        assert timesince_simple(now - dt.timedelta(days=5)) == five_days
        assert timesince_simple(now - dt.timedelta(minutes=1, seconds=5)) == one_minute
        assert timesince_simple(now - dt.timedelta(days=800)) == two_years
        assert timesince_simple(now) == translation.gettext("just now")
        by_jana = timesince_last_update(now - dt.timedelta(days=5), user_display_name="Jana")
        assert by_jana.startswith(five_days.split("\xa0")[0])


def test_czech_page_listing_says_pred_5_dny(demo_ids, db):
    """The explorer's "Updated" column, five days after an edit, and its item count, in Czech."""
    five_days_ago = timezone.now() - dt.timedelta(days=5, hours=1)
    Page.objects.filter(pk__in=Page.objects.get(pk=demo_ids["home"]).get_children()).update(
        latest_revision_created_at=five_days_ago, last_published_at=five_days_ago
    )
    response = client_for("editor", "cs").get(
        reverse("wagtailadmin_explore", args=[demo_ids["home"]])
    )
    text = readable_text(response.content.decode())  # spaces normalised, no-break ones too
    assert "Před 5 dny" in text
    assert "5 dní" not in text
    # Under the listing: "Stránky: 7", never "7 stránky" (Czech wants "7 stránek").
    assert re.search(r"Stránky: \d+", text)
    assert not re.search(r"\b([5-9]|\d\d+) stránky\b", text)


def test_translation_editor_publish_button_keeps_a_space_before_the_language(demo_ids, db):
    """wagtail-localize's editor writes gettext("Publish in ") + the language's name; Wagtail's
    Czech dropped the space ("PublikovatČeština")."""
    response = client_for("editor", "cs").get(reverse("wagtail_localize:javascript_catalog"))
    catalog = response.content.decode()
    match = re.search(r'"Publish in ": "([^"]*)"', catalog)
    assert match and match[1].endswith(" "), match
