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
    """Process the ORM broker's queue with django-q2's own worker and monitor, in this process.

    The same functions a ``qcluster`` runs: the broker's dequeue (compare-and-set claim), the
    signed payload unpacked, ``django_q.worker.worker`` executing it, ``django_q.monitor``
    saving the result and acknowledging (deleting) the queue row. ``sync`` is set on each task
    only so the worker keeps the test's database connection (a real worker closes stale ones).
    Tasks enqueued by tasks are processed too. Returns the functions run, in order.
    """
    import queue
    from multiprocessing import Value

    from django_q.brokers import get_broker
    from django_q.monitor import monitor
    from django_q.signing import SignedPackage
    from django_q.worker import worker

    broker = get_broker()
    ran: list[str] = []
    while batch := broker.dequeue():
        tasks, results = queue.Queue(), queue.Queue()
        for ack_id, payload in batch:
            task = SignedPackage.loads(payload)
            task.update(ack_id=ack_id, sync=True)
            tasks.put(task)
            ran.append(task["func"])
        tasks.put("STOP")
        worker(tasks, results, Value("f", -1))
        results.put("STOP")
        monitor(results, broker)
    return ran
