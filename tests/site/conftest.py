"""A small, fully translated careerSTEPS site for the page, API and feed tests.

Translations go through wagtail-localize exactly as an editor's do: a TranslationSource is taken
from the English page, every segment gets a StringTranslation, then ``save_target`` creates and
publishes the Czech or German page. Translated text is the English text with a language marker
("[de] …") unless a test gives real wording, so a test can tell the languages apart.

Building the tree takes some 180 translated saves, so it is built once per test module (as the
demo is once for tests/demo): ``site_tree_rows`` writes it inside a transaction opened around the
module and rolled back at its end, and each test (``db``) runs in a savepoint inside it, rolled
back after the test. Not per package: the rows would then be there for every later module of
the package, also for tests that need a site without them (test_furniture's empty home page,
a demo loaded by test_translations_admin). A module's tests that do not ask for the tree see it
all the same once another test of the module has: they must not mind it (or the module builds
the tree per test, as test_site_url.py does). A test gets ``site_tree``: the same rows loaded
again from the database, so what one test changes on its instances never reaches the next one.
The page cache (generation, fragments, remembered routes) starts empty for each test
(``empty_page_cache`` in tests/conftest.py).
``site_tree_per_test`` builds the tree inside the test itself, for a test that cannot run in a
savepoint (``transaction=True``).
"""

import datetime as dt
import sys
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import TestCase
from django.utils import timezone, translation
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from base.models import FooterText
from cohorts.models import CohortIndexPage, CohortPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from institutions.models import Institution
from news.models import NewsIndexPage, NewsPage
from programme.models import ProgrammePage

LANGUAGES = ("en", "cs", "de")


def marked(text: str, code: str) -> str:
    return f"[{code}] {text}"


def translate(instance, code: str, wording: dict[str, str] | None = None):
    """Translate ``instance`` (page or snippet) into ``code`` with wagtail-localize and publish it.

    ``wording`` maps English segments to their translation; other segments get the marker.
    wagtail-localize publishes on transaction commit, which a test transaction never reaches:
    callers run this inside ``django_capture_on_commit_callbacks(execute=True)``.
    """
    wording = wording or {}
    locale = Locale.objects.get(language_code=code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = segment.string.data
        if segment.context.path == "slug":
            # Keep the English slug (as many editors do), so addresses stay predictable.
            wording = {**wording, text: text}
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": wording.get(text, marked(text, code))},
        )
    translation.save_target(publish=True)
    target = instance.get_translation(locale)
    return target.specific if isinstance(target, Page) else target


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    return publish(page)


@dataclass
class SiteTree:
    """The English pages (by key) and their translations, ``pages[key][language_code]``."""

    pages: dict[str, dict[str, Page]] = field(default_factory=dict)
    institutions: dict[str, dict[str, Institution]] = field(default_factory=dict)
    footers: dict[str, FooterText] = field(default_factory=dict)

    def page(self, key: str, code: str = "en") -> Page:
        return self.pages[key][code]


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in English: a request to /cs/ leaves Czech active in the thread."""
    with translation.override("en"):
        yield


@pytest.fixture(scope="module")
def site_tree_now():
    """The moment the shared tree's events and intake are placed around."""
    return timezone.now().replace(microsecond=0)


@pytest.fixture
def now(site_tree_now):
    """The tree's moment: events a test adds line up with the tree's own."""
    return site_tree_now


def build_site_tree(now, capture_on_commit_callbacks=None) -> SiteTree:
    """Home, programme, news, events and cohorts in English, Czech and German.

    ``capture_on_commit_callbacks(execute=True)`` runs what wagtail-localize leaves for the
    commit (Django's ``TestCase.captureOnCommitCallbacks`` unless given).
    """
    capture = capture_on_commit_callbacks or TestCase.captureOnCommitCallbacks
    tree = SiteTree()
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(depth=2, locale=english)
    home.introduction = "Mentoring across the border for future researchers."
    publish(home)

    wbu = Institution.objects.create(
        name="University of West Bohemia",
        short_name="UWB",
        city="Pilsen",
        country=Institution.Country.CZECHIA,
        locale=english,
    )
    oth = Institution.objects.create(
        name="OTH Amberg-Weiden",
        short_name="OTH AW",
        city="Amberg",
        country=Institution.Country.GERMANY,
        locale=english,
    )

    footer = FooterText.objects.create(
        body="<p>careerSTEPS is run by two universities.</p>",
        contact_email="mentoring@example.org",
        locale=english,
        live=True,
    )
    footer.save_revision().publish()

    programme = add(
        home,
        ProgrammePage(
            title="The programme",
            slug="programme",
            introduction="How mentoring works.",
            show_in_menus=True,
            body=[
                ("heading", {"heading_text": "For mentees", "size": "h2"}),
                ("paragraph", "<p>Meet a researcher every month.</p>"),
                ("quote", {"text": "It changed my plans.", "attribute_name": "A mentee"}),
                (
                    "faq",
                    {
                        "title": "Questions",
                        "items": [{"question": "Who may apply?", "answer": "<p>Students.</p>"}],
                    },
                ),
                (
                    "people",
                    {"title": "Team", "people": [{"name": "Jana Nováková", "role": "Lead"}]},
                ),
                ("divider", None),
                (
                    "call_to_action",
                    {
                        "title": "Ready?",
                        "text": "Applications are open.",
                        "button_label": "Read more",
                        "url": "https://example.org/",
                    },
                ),
            ],
        ),
    )
    news_index = add(
        home,
        NewsIndexPage(title="News", slug="news", introduction="What happened.", show_in_menus=True),
    )
    article = add(
        news_index,
        NewsPage(
            title="Pilot cohort starts",
            slug="pilot-cohort-starts",
            introduction="Twelve tandems begin.",
            author="Programme office",
            date_published=dt.date(2026, 11, 2),
        ),
    )
    events_index = add(
        home,
        EventIndexPage(title="Events", slug="events", introduction="Meet us.", show_in_menus=True),
    )
    workshop = add(
        events_index,
        EventPage(
            title="Kick-off workshop",
            slug="kick-off-workshop",
            event_type=EventPage.EventType.WORKSHOP,
            introduction="We start together.",
            starts_at=now + dt.timedelta(days=30),
            ends_at=now + dt.timedelta(days=30, hours=3),
            timezone="Europe/Berlin",
            venue="OTH Amberg-Weiden, Amberg campus",
            institution=oth,
        ),
    )
    webinar = add(
        events_index,
        EventPage(
            title="Online meeting with doctoral students",
            slug="online-meeting",
            event_type=EventPage.EventType.DOCTORAL_MEETING,
            starts_at=now + dt.timedelta(days=40),
            ends_at=now + dt.timedelta(days=40, hours=1),
            timezone="America/New_York",
            online_url="https://meet.example.org/careersteps",
        ),
    )
    past = add(
        events_index,
        EventPage(
            title="Pilot conference",
            slug="pilot-conference",
            event_type=EventPage.EventType.CONFERENCE,
            starts_at=now - dt.timedelta(days=60),
            ends_at=now - dt.timedelta(days=59),
            timezone="Europe/Prague",
            venue="University of West Bohemia, Pilsen",
        ),
    )
    cohort_index = add(
        home,
        CohortIndexPage(
            title="Cohorts", slug="cohorts", introduction="Every intake.", show_in_menus=True
        ),
    )
    cohort = CohortPage(
        title="Cohort 2026/27",
        slug="cohort-2026-27",
        introduction="The second intake.",
        application_opens_at=now - dt.timedelta(days=5),
        application_closes_at=now + dt.timedelta(days=20),
        programme_starts_on=dt.date(2026, 11, 1),
        programme_ends_on=dt.date(2027, 7, 31),
        capacity=12,
    )
    cohort_index.add_child(instance=cohort)
    cohort.mentee_institutions.set([wbu])
    cohort.mentor_institutions.set([oth, wbu])
    publish(cohort)

    english_pages = {
        "home": home,
        "programme": programme,
        "news_index": news_index,
        "article": article,
        "events_index": events_index,
        "workshop": workshop,
        "webinar": webinar,
        "past_event": past,
        "cohort_index": cohort_index,
        "cohort": cohort,
    }
    for key, page in english_pages.items():
        tree.pages[key] = {"en": page}
    for key, institution in (("wbu", wbu), ("oth", oth)):
        tree.institutions[key] = {"en": institution}
    tree.footers["en"] = footer
    for code in ("cs", "de"):
        with capture(execute=True):
            for key in ("wbu", "oth"):
                tree.institutions[key][code] = translate(tree.institutions[key]["en"], code)
            tree.footers[code] = translate(footer, code)
        # Parents before children, as in the admin.
        for key, page in english_pages.items():
            with capture(execute=True):
                translate(page, code)
            tree.pages[key][code] = page.get_translation(code_locale(code)).specific
        tree.footers[code].refresh_from_db()
    return tree


def reloaded(tree: SiteTree) -> SiteTree:
    """The same tree with every page, institution and footer loaded again from the database."""

    def again(instance):
        return type(instance)._default_manager.get(pk=instance.pk)

    return SiteTree(
        pages={
            key: {code: again(page) for code, page in by_code.items()}
            for key, by_code in tree.pages.items()
        },
        institutions={
            key: {code: again(institution) for code, institution in by_code.items()}
            for key, by_code in tree.institutions.items()
        },
        footers={code: again(footer) for code, footer in tree.footers.items()},
    )


def shared_site_tree(django_db_blocker, now):
    """Build the tree in a transaction, yield it, roll the transaction back (a fixture body).

    The database is open to the fixture only while it builds and rolls back: a test in between
    reaches it only through its own ``db`` (whose savepoint nests in this transaction).
    """
    atomic = transaction.atomic()
    with django_db_blocker.unblock():
        atomic.__enter__()
        try:
            with translation.override("en"):
                tree = build_site_tree(now)
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    try:
        yield tree
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(scope="module")
def site_tree_rows(django_db_setup, django_db_blocker, site_tree_now) -> SiteTree:
    """The tree built once for the module, in a transaction rolled back after its last test."""
    yield from shared_site_tree(django_db_blocker, site_tree_now)


@pytest.fixture
def site_tree(site_tree_rows, db) -> SiteTree:
    """The shared tree, its instances fresh from the database for this test."""
    return reloaded(site_tree_rows)


@pytest.fixture
def site_tree_per_test(db, now, django_capture_on_commit_callbacks) -> SiteTree:
    """The tree built inside the test (for transactional tests, which cannot share it)."""
    return build_site_tree(now, django_capture_on_commit_callbacks)


def code_locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)
