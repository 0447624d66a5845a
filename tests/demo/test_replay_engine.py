"""The engine's ``occurred_at``: replayed history carries the time it happened, and nothing
else changes (a live transition is still dated now; effects still follow disabled_effects)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from django_q.models import OrmQ

from tests.factories import ApplicationFactory, UserFactory
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition, record_start
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION
from workflows.roles import COORDINATORS

pytestmark = pytest.mark.django_db

THEN = datetime.datetime(2023, 10, 2, 9, 30, tzinfo=datetime.UTC)


@pytest.fixture
def application():
    return ApplicationFactory()


@pytest.fixture
def coordinator():
    return Actor(user=UserFactory(username="replay-coordinator", groups=[COORDINATORS]))


def test_record_start_and_apply_transition_take_the_historical_time(application, coordinator):
    started = record_start(APPLICATION, application, Actor.system(), occurred_at=THEN)
    later = THEN + datetime.timedelta(days=21)
    moved = apply_transition(
        APPLICATION, application, "start_review", coordinator, occurred_at=later
    )
    assert HistoryEntry.objects.get(pk=started.pk).created_at == THEN == started.created_at
    assert HistoryEntry.objects.get(pk=moved.pk).created_at == later
    application.refresh_from_db()
    assert application.state_changed_at == later


def test_without_occurred_at_history_is_dated_now(application, coordinator):
    before = timezone.now()
    entry = apply_transition(APPLICATION, application, "start_review", coordinator)
    assert HistoryEntry.objects.get(pk=entry.pk).created_at >= before


def test_a_replayed_decision_sends_nothing_when_its_effects_are_disabled(application, coordinator):
    apply_transition(APPLICATION, application, "start_review", coordinator, occurred_at=THEN)
    queued = OrmQ.objects.count()
    apply_transition(
        APPLICATION,
        application,
        "accept",
        coordinator,
        occurred_at=THEN,
        disabled_effects=frozenset({"email_applicant"}),
    )
    assert OrmQ.objects.count() == queued
    # occurred_at alone silences nothing: an effect not disabled is enqueued as always.
    apply_transition(APPLICATION, application, "withdraw", coordinator, occurred_at=THEN)
    withdraw_effects = APPLICATION.transition("withdraw").effects
    assert withdraw_effects  # the applicant and the coordinators are told
    assert OrmQ.objects.count() == queued + len(withdraw_effects)


def test_history_stays_append_only(application):
    entry = record_start(APPLICATION, application, Actor.system(), occurred_at=THEN)
    with pytest.raises(TypeError):
        HistoryEntry.objects.filter(pk=entry.pk).update(created_at=timezone.now())
    with pytest.raises(TypeError):
        entry.save()
