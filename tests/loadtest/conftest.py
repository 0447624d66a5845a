"""Enough of the demo for the load test's preparation (site, institutions, news and events,
users, cohorts and their forms), loaded once for this package and rolled back afterwards, as
tests/demo does."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction

STEPS = ["site", "institutions", "news", "events", "users", "cohorts", "forms"]


@pytest.fixture(scope="package")
def intake_demo(django_db_setup, django_db_blocker) -> None:
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("demo", only=STEPS, stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def plan(intake_demo, db, tmp_path) -> dict:
    """``loadtest.prepare.plan`` run in the test database."""
    from loadtest import prepare

    return prepare.plan(tmp_path)
