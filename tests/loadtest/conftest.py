"""Enough of the demo for the load test's preparation (site, institutions, news and events,
users, cohorts and their forms) and the preparation's plan, made once for this package and
rolled back afterwards, as tests/demo does; each test's own changes are rolled back after it."""

import copy
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


@pytest.fixture(scope="package")
def intake_plan(intake_demo, django_db_blocker, tmp_path_factory) -> dict:
    """``loadtest.prepare.plan`` run once in the package's transaction (it renders the CV and
    makes the staff accounts, which every test only reads)."""
    from loadtest import prepare

    with django_db_blocker.unblock():
        return prepare.plan(tmp_path_factory.mktemp("loadtest-plan"))


@pytest.fixture
def plan(intake_plan, db) -> dict:
    """The plan (a copy: a test may change its own), its rows in the test database."""
    return copy.deepcopy(intake_plan)
