"""Helpers of the query-count tests: count a page's queries, build rows, compare two sizes.

Every listing is measured twice, at a few rows and at several times as many, after one
warm-up request (content types, locales, the session and Wagtail's per-process caches), and
must make the same number of queries both times: a count that grows with the rows is an N+1.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import InstitutionFactory, UserFactory, make_cohort
from tests.matching.conftest import accepted
from workflows.access.models import CohortRole
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition, record_start
from workflows.lifecycles.application import APPLICATION
from workflows.roles import COORDINATORS, REVIEWERS


def queries_of(client: Client, url: str, params: dict | None = None) -> list[str]:
    """The SQL of one GET (a streamed body read to its end), which must answer 200."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
    assert response.status_code == 200, f"{url} {params}: {response.status_code}"
    return [query["sql"] for query in context.captured_queries]


def assert_flat(
    fetch: Callable[[], list[str]] | dict[str, Callable[[], list[str]]],
    grow: Callable[[], object],
    slack: int = 0,
) -> dict[str, int]:
    """Each fetch makes as many queries after ``grow`` added rows as before (``slack`` more at
    most, for a documented constant); a failure lists the SQL of every fetch that grew.

    ``fetch`` is one callable or several by name (measured around one ``grow``). Returns the
    counts before growing, by name.
    """
    fetches = fetch if isinstance(fetch, dict) else {"": fetch}
    for one in fetches.values():
        one()  # warm-up: per-process caches (content types, locales, Wagtail's site root)
    few = {name: one() for name, one in fetches.items()}
    grow()
    for one in fetches.values():
        one()
    many = {name: one() for name, one in fetches.items()}
    print({name: (len(few[name]), len(many[name])) for name in fetches})  # shown with -s
    grown = [name for name in fetches if len(many[name]) > len(few[name]) + slack]
    assert not grown, "\n\n".join(
        f"{name}: {len(few[name])} queries before, {len(many[name])} after more rows:\n"
        + "\n".join(sql[:200] for sql in many[name])
        for name in grown
    )
    return {name: len(queries) for name, queries in few.items()}


def client_for(user) -> Client:
    """A staff client signed in the way the admin tests do (no second factor enrolled)."""
    client = Client()
    client.force_login(user)
    return client


def admin_access(group: str) -> None:
    access = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    Group.objects.get_or_create(name=group)[0].permissions.add(access)


@pytest.fixture
def cohort(db):
    return make_cohort(title="Cohort Q", capacity=500)


@pytest.fixture
def other_cohort(db):
    return make_cohort(title="Cohort R", capacity=500)


@pytest.fixture
def global_coordinator(db):
    user = UserFactory(username="global-coordinator", groups=[COORDINATORS])
    admin_access(COORDINATORS)
    return user


@pytest.fixture
def cohort_coordinator(cohort):
    """A coordinator of ``cohort`` only (a coordinator CohortRole makes the scope)."""
    user = UserFactory(username="cohort-coordinator", groups=[COORDINATORS])
    admin_access(COORDINATORS)
    CohortRole.objects.create(user=user, role="coordinator", cohort=cohort)
    return user


@pytest.fixture
def reviewer(db):
    user = UserFactory(username="queue-reviewer", groups=[REVIEWERS])
    admin_access(REVIEWERS)
    return user


@pytest.fixture
def institutions(db):
    return {
        "oth": InstitutionFactory(name="OTH Amberg-Weiden", country="DE"),
        "zcu": InstitutionFactory(name="University of West Bohemia", country="CZ"),
    }


class Rows:
    """Builds applications with everything a listing may show: a profile with institution and
    disciplines, languages, availability, a history, review assignments and reviews."""

    def __init__(self, institutions, coordinator):
        self.institutions = institutions
        self.coordinator = coordinator
        self.made = 0

    def application(self, cohort, *, role="mentee", state="in_review", reviewers=(), reviewed=()):
        self.made += 1
        name = f"Applicant {self.made}"
        application = accepted(
            cohort,
            role,
            name,
            institution=self.institutions["oth" if role == "mentee" else "zcu"],
            disciplines=("informatics", "mechanical-engineering"),
            languages={"en": "C1", "de": "B2"},
            capacity=2 if role == "mentor" else None,
            goals="Prepare a doctorate.",
            interests=("robotics",),
            state="submitted",
        )
        record_start(APPLICATION, application, Actor(person=application.person))
        actor = Actor(user=self.coordinator)
        if state != "submitted":
            apply_transition(APPLICATION, application, "start_review", actor)
        for reviewer in reviewers:
            self.assign(application, reviewer)
        for reviewer in reviewed:
            self.assign(application, reviewer, submitted=True)
        if state not in ("submitted", "in_review"):
            application.refresh_from_db()
            transition = {"accepted": "accept", "rejected": "reject", "waitlisted": "waitlist"}
            apply_transition(APPLICATION, application, transition[state], actor)
        application.refresh_from_db()
        return application

    def assign(self, application, reviewer, *, submitted=False):
        from workflows.review.models import Review, ReviewAssignment

        assignment = ReviewAssignment.objects.create(
            application=application,
            reviewer=reviewer,
            assigned_by=self.coordinator,
            due_on=timezone.localdate() + dt.timedelta(days=7),
            status=ReviewAssignment.Status.SUBMITTED if submitted else "assigned",
        )
        if submitted:
            Review.objects.create(
                assignment=assignment,
                recommendation=Review.Recommendation.ACCEPT,
                weighted_score=Decimal("3.50"),
            )
        return assignment

    def many(self, count: int, cohort, **kwargs) -> list:
        return [self.application(cohort, **kwargs) for _ in range(count)]


@pytest.fixture
def rows(institutions, global_coordinator) -> Rows:
    return Rows(institutions, global_coordinator)
