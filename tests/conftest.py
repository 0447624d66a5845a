"""Shared pytest fixtures: real database (SQLite file or PostgreSQL), real django-q2."""

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
