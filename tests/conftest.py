"""Shared pytest fixtures: real database (SQLite file or PostgreSQL), real django-q2."""

import os

import pytest
from django_q.conf import Conf


@pytest.fixture
def run_tasks_inline(monkeypatch):
    """Run django-q2 tasks synchronously where they are enqueued.

    django_q reads Q_CLUSTER once at import, so settings overrides have no effect; patching
    Conf.SYNC is the documented way to run tasks inline in tests.
    """
    monkeypatch.setattr(Conf, "SYNC", True)


@pytest.fixture
def home_page(db):
    from home.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="en")


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture(scope="session", autouse=True)
def compiled_translations():
    """The gettext catalogs in locales/ are compiled (to .mo) before any test renders text."""
    from django.core.management import call_command

    call_command("compile_translations", verbosity=0)


@pytest.fixture(autouse=True)
def english_by_default():
    """Each test starts in the source language: a request through LocaleMiddleware, or a test
    that activates a language, leaves it active in the thread for whatever runs next."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with an empty page cache: the database is rolled back between tests,
    the cache (files under this process's var dir) is not."""
    from django.core.cache import caches

    caches["pages"].clear()
    yield


#: What a test needs to reach the test database: pytest-django's database fixtures (``db``,
#: ``transactional_db``, ``django_db_serialized_rollback``, ... all go through
#: ``_django_db_helper``), the database itself (package fixtures that load the demo once), or a
#: live server. Without one, pytest-django refuses the test any database access.
_DATABASE_FIXTURES = {"_django_db_helper", "django_db_setup", "live_server"}


def uses_the_database(item: pytest.Item) -> bool:
    from pytest_django.django_compat import is_django_unittest

    return (
        is_django_unittest(item)
        or item.get_closest_marker("django_db") is not None
        or bool(_DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())))
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """CAREERSTEPS_DATABASE_TESTS_ONLY=1 (CI's second run, on PostgreSQL) leaves out the tests
    that cannot reach the database: pytest-django blocks their database access (any query
    fails the test), so they pass or fail alike on every database, and the first run (SQLite)
    has run them already. The subprocess tests among them (settings, ``check --deploy``) drop
    DATABASE_URL or make no query."""
    if os.environ.get("CAREERSTEPS_DATABASE_TESTS_ONLY") != "1":
        return
    kept = [item for item in items if uses_the_database(item)]
    left_out = [item for item in items if not uses_the_database(item)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
