"""An email claimed by a worker that died is sent on the retry, exactly once; never "done" unsent.

django-q2 kills a task at ``Q_CLUSTER["timeout"]`` and redelivers it after ``retry`` seconds, so
a claim older than the task timeout belongs to a dead worker and is taken over. A claim younger
than that (another worker may still be sending) is not reported as success: the task fails and
shows up among the failed work, to be retried.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from workflows.notifications import failures
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import EmailBeingSent, queue_email, send_outbound_email

CONTEXT = {"name": "A", "application": "X", "due_on": "2026-01-01", "review_url": "u"}


@pytest.fixture
def email(db):
    return queue_email(
        key="trust:1",
        to="a@example.org",
        language="en",
        template="review_reminder",
        context=CONTEXT,
    )


def claim(email, seconds_ago: float) -> None:
    """What a worker killed mid-send leaves behind: the row claimed, nothing sent."""
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.SENDING,
        claimed_at=timezone.now() - timedelta(seconds=seconds_ago),
    )


def test_the_retry_after_a_killed_worker_sends_the_email_once(email):
    claim(email, seconds_ago=settings.Q_CLUSTER["retry"])  # django-q2 redelivers after `retry`
    assert send_outbound_email(email.pk) == "sent"
    assert send_outbound_email(email.pk) == "skipped"  # already sent: nothing more to do
    assert len(mail.outbox) == 1
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT


def test_a_claim_older_than_the_task_timeout_is_abandoned(email):
    claim(email, seconds_ago=settings.Q_CLUSTER["timeout"] + 1)
    assert send_outbound_email(email.pk) == "sent"
    assert len(mail.outbox) == 1


def test_a_fresh_claim_is_not_reported_as_success(email):
    claim(email, seconds_ago=1)
    with pytest.raises(EmailBeingSent):
        send_outbound_email(email.pk)
    assert mail.outbox == []


def test_a_stuck_email_is_listed_as_failed_and_can_be_retried(email, run_tasks_inline):
    claim(email, seconds_ago=settings.Q_CLUSTER["timeout"] + 1)
    assert email in failures.failed_emails()
    assert failures.retry_email(email.pk)
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT
    assert len(mail.outbox) == 1
    assert email not in failures.failed_emails()


def test_a_claim_written_by_the_send_reads_the_same_through_the_orm(email):
    """The send claims by SQL (UPDATE ... RETURNING), the failed-work list and the retry read
    the claim through the ORM: the claim time must compare the same both ways."""
    from workflows.notifications.services import _claim

    timeout = timedelta(seconds=settings.Q_CLUSTER["timeout"])
    fresh = _claim(email.pk, timezone.now())  # a worker that is sending it right now
    assert fresh is not None and fresh["to"] == "a@example.org"
    assert email not in failures.failed_emails()
    with pytest.raises(EmailBeingSent):
        send_outbound_email(email.pk)

    OutboundEmail.objects.filter(pk=email.pk).update(status=OutboundEmail.Status.PENDING)
    assert _claim(email.pk, timezone.now() - timeout - timedelta(seconds=1)) is not None
    assert email in failures.failed_emails()  # that worker died: abandoned, listed
    assert send_outbound_email(email.pk) == "sent"  # and taken over
    email.refresh_from_db()
    assert (email.status, email.attempts, len(mail.outbox)) == (OutboundEmail.Status.SENT, 1, 1)
    assert email.sent_at is not None and email.claimed_at is not None
