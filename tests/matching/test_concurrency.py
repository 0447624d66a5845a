"""Approvals racing on PostgreSQL: one wins, the other gets a conflict, no mentor over capacity.

Each thread has its own connection; both read their match, wait at a barrier, then approve.
SQLite serialises writers, so the race is only meaningful on PostgreSQL.
"""

from __future__ import annotations

import threading

import pytest
from django.conf import settings

from tests.factories import InstitutionFactory, UserFactory, make_cohort
from tests.matching.conftest import accepted
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionConflict
from workflows.matching import services
from workflows.matching.lifecycle import APPROVED, PROPOSED
from workflows.matching.models import Match
from workflows.roles import COORDINATORS

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL (DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def race(first: Match, second: Match) -> dict[int, str]:
    users = [UserFactory(groups=[COORDINATORS]), UserFactory(groups=[COORDINATORS])]
    barrier = threading.Barrier(2)
    outcomes: dict[int, str] = {}

    def approve_as(user, match_id):
        from django.db import connection as thread_connection

        try:
            mine = Match.objects.select_related("mentee_application", "mentor_application").get(
                pk=match_id
            )
            barrier.wait(timeout=30)
            services.approve(mine, Actor(user=user))
            outcomes[match_id] = "applied"
        except TransitionConflict:
            outcomes[match_id] = "conflict"
        finally:
            thread_connection.close()

    threads = [
        threading.Thread(target=approve_as, args=(users[0], first.pk)),
        threading.Thread(target=approve_as, args=(users[1], second.pk)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def setup_pair():
    cohort = make_cohort(title="Race", open_now=False)
    oth = InstitutionFactory(country="DE")
    zcu = InstitutionFactory(country="CZ")
    anna = accepted(cohort, "mentee", "Anna Race", institution=oth)
    lukas = accepted(cohort, "mentee", "Lukas Race", institution=oth)
    petr = accepted(cohort, "mentor", "Petr Race", institution=zcu, capacity=1)
    coordinator = Actor(user=UserFactory(groups=[COORDINATORS]))
    return cohort, anna, lukas, petr, coordinator


def test_two_approvals_sharing_a_mentor_beyond_capacity_make_one_match():
    cohort, anna, lukas, petr, coordinator = setup_pair()
    first = services.propose(cohort, anna, petr, coordinator)
    second = services.propose(cohort, lukas, petr, coordinator)
    outcomes = race(first, second)
    assert sorted(outcomes.values()) == ["applied", "conflict"]
    assert Match.objects.filter(mentor_application=petr, state=APPROVED).count() == 1


def test_two_coordinators_approving_the_same_pair_make_one_approval():
    cohort, anna, _lukas, petr, coordinator = setup_pair()
    match = services.propose(cohort, anna, petr, coordinator)
    users = [UserFactory(groups=[COORDINATORS]), UserFactory(groups=[COORDINATORS])]
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def approve_as(user):
        from django.db import connection as thread_connection

        try:
            mine = Match.objects.get(pk=match.pk)
            barrier.wait(timeout=30)
            services.approve(mine, Actor(user=user))
            outcomes.append("applied")
        except TransitionConflict:
            outcomes.append("conflict")
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=approve_as, args=(u,)) for u in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["applied", "conflict"]
    assert Match.objects.get(pk=match.pk).state == APPROVED
    assert not Match.objects.filter(state=PROPOSED).exists()
