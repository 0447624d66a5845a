"""Two coordinators decide the same application at the same moment, on PostgreSQL.

Each thread has its own connection (Django gives every thread one), both read the application
in the same state, wait at a barrier, then decide. Exactly one transition and one history entry
must result; the other gets a TransitionConflict. SQLite serialises writers, so the race is
only meaningful on PostgreSQL (CI runs the suite there a second time).
"""

from __future__ import annotations

import threading

import pytest
from django.conf import settings

from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionConflict
from workflows.engine.models import HistoryEntry
from workflows.review.services import decide
from workflows.roles import COORDINATORS

pytestmark = [
    pytest.mark.postgres,
    # Decided before any database is touched: a transactional test flushes the tables.
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL (DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_two_concurrent_decisions_give_one_transition_and_one_history_entry():
    application = ApplicationFactory(cohort=make_cohort(), state="in_review")
    first = UserFactory(groups=[COORDINATORS])
    second = UserFactory(groups=[COORDINATORS])
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def decide_as(user, decision):
        from django.db import connection as thread_connection

        try:
            mine = type(application).objects.get(pk=application.pk)
            barrier.wait(timeout=30)
            decide(mine, decision, Actor(user=user))
            outcomes[decision] = "applied"
        except TransitionConflict:
            outcomes[decision] = "conflict"
        finally:
            thread_connection.close()

    threads = [
        threading.Thread(target=decide_as, args=(first, "accept")),
        threading.Thread(target=decide_as, args=(second, "reject")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes.values()) == ["applied", "conflict"]
    winner = next(d for d, o in outcomes.items() if o == "applied")
    application.refresh_from_db()
    assert application.state == {"accept": "accepted", "reject": "rejected"}[winner]
    decisions = HistoryEntry.objects.for_object(application).filter(
        transition__in=["accept", "reject"]
    )
    assert list(decisions.values_list("transition", flat=True)) == [winner]


def test_two_coordinators_accepting_into_the_last_place_give_one_acceptance():
    """One place left, two applications, two coordinators accepting at the same moment: the
    acceptance locks the cohort row, so the second guard counts the first acceptance."""
    from workflows.engine.engine import TransitionRefused

    cohort = make_cohort(capacity=1)
    applications = [
        ApplicationFactory(cohort=cohort, role="mentee", state="in_review") for _ in "ab"
    ]
    coordinators = [UserFactory(groups=[COORDINATORS]) for _ in "ab"]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def accept(application, user):
        from django.db import connection as thread_connection

        try:
            mine = type(application).objects.select_related("cohort").get(pk=application.pk)
            barrier.wait(timeout=30)
            decide(mine, "accept", Actor(user=user))
            outcomes.append("accepted")
        except TransitionRefused:
            outcomes.append("refused")
        finally:
            thread_connection.close()

    threads = [
        threading.Thread(target=accept, args=pair)
        for pair in zip(applications, coordinators, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes) == ["accepted", "refused"]
    states = sorted(type(a).objects.get(pk=a.pk).state for a in applications)
    assert states == ["accepted", "in_review"]
    assert HistoryEntry.objects.filter(transition="accept").count() == 1
