"""Fixtures of the workflow tests: staff users by role, applications, a rubric."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.factories import ApplicationFactory, PersonFactory, UserFactory, make_cohort
from workflows.engine.actors import Actor
from workflows.roles import COORDINATORS, EDITORS, REVIEWERS


@pytest.fixture
def cohort(db):
    return make_cohort(title="Cohort A")


@pytest.fixture
def other_cohort(db):
    return make_cohort(title="Cohort B")


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator", groups=[COORDINATORS])


@pytest.fixture
def reviewer(db):
    return UserFactory(username="reviewer", groups=[REVIEWERS])


@pytest.fixture
def other_reviewer(db):
    return UserFactory(username="reviewer2", groups=[REVIEWERS])


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", groups=[EDITORS])


@pytest.fixture
def application(cohort):
    return ApplicationFactory(
        cohort=cohort,
        person=PersonFactory(email="jana@example.org", full_name="Jana Nováková"),
    )


@pytest.fixture
def in_review(application, coordinator):
    """An application a coordinator moved into review."""
    from workflows.engine.engine import apply_transition
    from workflows.lifecycles.application import APPLICATION

    apply_transition(APPLICATION, application, "start_review", Actor(user=coordinator))
    return application


@pytest.fixture
def rubric(db):
    from wagtail.models import Locale

    from workflows.review.models import Criterion, Rubric

    rubric = Rubric(name="Mentee rubric", role="mentee", locale=Locale.get_default())
    rubric.save()
    Criterion.objects.create(
        rubric=rubric, label="Motivation", weight=Decimal("2"), locale=rubric.locale, sort_order=0
    )
    Criterion.objects.create(
        rubric=rubric, label="Fit", weight=Decimal("1"), locale=rubric.locale, sort_order=1
    )
    return rubric


def run_queued_tasks() -> list[str]:
    """Run every task waiting in the ORM broker's queue, as a worker would: unpack the signed
    payload (django_q.signing), import the function and call it, then acknowledge the row.
    Tasks that enqueue more tasks are run too."""
    from django.utils.module_loading import import_string
    from django_q.brokers import get_broker
    from django_q.signing import SignedPackage

    broker = get_broker()
    ran = []
    while True:
        batch = broker.dequeue()
        if not batch:
            return ran
        for ack_id, payload in batch:
            task = SignedPackage.loads(payload)
            func = task["func"]
            if isinstance(func, str):
                func = import_string(func)
            func(*task["args"], **task["kwargs"])
            broker.acknowledge(ack_id)
            ran.append(task["func"] if isinstance(task["func"], str) else func.__name__)
