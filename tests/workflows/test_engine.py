"""apply_transition: one transaction for state, history and the queued effects."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction
from django_q.models import OrmQ

from tests.workflows.conftest import run_queued_tasks
from workflows.engine.actors import Actor
from workflows.engine.engine import (
    TransitionConflict,
    TransitionRefused,
    apply_transition,
    set_effect_enabled,
)
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION
from workflows.notifications.models import OutboundEmail
from workflows.review.services import decide


def test_transition_changes_state_writes_history_and_queues_effect(in_review, coordinator):
    OrmQ.objects.all().delete()
    entry = apply_transition(
        APPLICATION, in_review, "accept", Actor(user=coordinator), message="Welcome!"
    )
    in_review.refresh_from_db()
    assert in_review.state == "accepted"
    assert entry.from_state == "in_review" and entry.to_state == "accepted"
    assert entry.actor_user == coordinator and entry.message == "Welcome!"
    assert OrmQ.objects.count() == 1


def test_stale_instance_gets_a_conflict_and_no_second_history_entry(in_review, coordinator):
    stale = type(in_review).objects.get(pk=in_review.pk)
    apply_transition(APPLICATION, in_review, "accept", Actor(user=coordinator))
    with pytest.raises(TransitionConflict):
        apply_transition(APPLICATION, stale, "reject", Actor(user=coordinator))
    decisions = HistoryEntry.objects.for_object(in_review).filter(
        transition__in=["accept", "reject"]
    )
    assert list(decisions.values_list("transition", flat=True)) == ["accept"]


def test_refused_transition_changes_nothing(application, reviewer):
    with pytest.raises(TransitionRefused) as refused:
        apply_transition(APPLICATION, application, "start_review", Actor(user=reviewer))
    assert refused.value.reason
    application.refresh_from_db()
    assert application.state == "submitted"


def test_comment_required_transition_needs_a_message(in_review, coordinator):
    with pytest.raises(TransitionRefused):
        apply_transition(APPLICATION, in_review, "request_changes", Actor(user=coordinator))


def test_exception_after_enqueue_rolls_back_state_history_and_queue_row(in_review, coordinator):
    OrmQ.objects.all().delete()
    before = HistoryEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        decide(in_review, "accept", Actor(user=coordinator))
        assert OrmQ.objects.count() == 1  # enqueued inside the transaction...
        raise RuntimeError("something after the decision failed")
    in_review.refresh_from_db()
    assert in_review.state == "in_review"
    assert OrmQ.objects.count() == 0  # ...and gone with it
    assert HistoryEntry.objects.count() == before


def test_without_a_worker_the_decision_is_kept_and_its_email_sent_once_processed(
    in_review, coordinator
):
    OrmQ.objects.all().delete()
    decide(in_review, "reject", Actor(user=coordinator), message="Maybe next year.")
    in_review.refresh_from_db()
    assert in_review.state == "rejected"
    assert OrmQ.objects.count() == 1
    assert OutboundEmail.objects.count() == 0 and mail.outbox == []

    ran = run_queued_tasks()

    assert ran == ["workflows.notifications.tasks.notify_transition"]
    assert OrmQ.objects.count() == 0  # acknowledged
    from django_q.models import Success

    assert Success.objects.filter(func="workflows.notifications.tasks.notify_transition").exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["jana@example.org"]
    assert "Maybe next year." in mail.outbox[0].body
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.SENT
    entry = HistoryEntry.objects.for_object(in_review).get(transition="reject")
    assert email.key == f"application:{in_review.pk}:{entry.pk}:reject"


def test_switched_off_effect_is_not_queued(in_review, coordinator):
    set_effect_enabled(APPLICATION, "accept", "email_applicant", False, coordinator)
    OrmQ.objects.all().delete()
    decide(in_review, "accept", Actor(user=coordinator))
    assert OrmQ.objects.count() == 0


def test_one_decision_can_skip_its_email(in_review, coordinator):
    OrmQ.objects.all().delete()
    decide(in_review, "waitlist", Actor(user=coordinator), email_applicant=False)
    in_review.refresh_from_db()
    assert in_review.state == "waitlisted"
    assert OrmQ.objects.count() == 0


def test_switch_rejects_unknown_effects():
    with pytest.raises(KeyError):
        set_effect_enabled(APPLICATION, "accept", "fax_the_applicant", False)


def test_history_is_append_only(in_review):
    entry = HistoryEntry.objects.for_object(in_review).first()
    with pytest.raises(TypeError):
        entry.save()
    with pytest.raises(TypeError):
        HistoryEntry.objects.for_object(in_review).update(comment="rewritten")
    with pytest.raises(TypeError):
        entry.delete()


def test_history_for_gives_translated_labels(in_review, coordinator):
    from django.utils.translation import override

    from workflows.engine.history import history_for

    decide(in_review, "accept", Actor(user=coordinator), comment="internal")
    items = history_for(in_review)
    assert [i.transition for i in items] == ["start_review", "accept"]
    assert items[-1].to_label == "Accepted"
    with override("cs"):
        assert history_for(in_review)[-1].to_label != "Accepted"
    assert history_for(in_review, include_private=False)[-1].comment == ""


def test_task_runtime_is_bounded_retried_and_failures_are_kept():
    """django-q2: a task is killed after ``timeout``, re-run after ``retry`` (which must exceed
    the timeout, or a slow task would run twice at once), at most ``max_attempts`` times, and a
    task that exhausted them leaves the queue but stays listed as a Failure."""
    from django_q.conf import Conf

    assert Conf.TIMEOUT and Conf.RETRY > Conf.TIMEOUT
    assert 1 < Conf.MAX_ATTEMPTS <= 10
    assert Conf.ACK_FAILURES is True
