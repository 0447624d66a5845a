"""Failed background work, for coordinators: django-q2 failures and emails that bounced.

django-q2 records a task that exhausted its attempts (``max_attempts``) in ``Failure`` (with
``ack_failures`` it leaves the queue). Retrying re-enqueues the same function and arguments;
the tasks are idempotent, so a retry of something that half-worked does no harm.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from workflows.engine.engine import enqueue
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import abandoned_claims, retry_email


def failed_tasks():
    from django_q.models import Failure

    return Failure.objects.order_by("-stopped")


def failed_emails():
    """Emails that failed, and emails whose worker died mid-send (claimed, never sent)."""
    return OutboundEmail.objects.filter(
        Q(status=OutboundEmail.Status.FAILED) | abandoned_claims()
    ).order_by("-created_at")


def failure_count() -> int:
    return failed_tasks().count() + failed_emails().count()


def retry_task(task_id: str) -> bool:
    """Enqueue a failed task again and drop its failure record (both or neither)."""
    from django_q.models import Failure

    with transaction.atomic():
        failure = Failure.objects.filter(id=task_id).first()
        if failure is None:
            return False
        enqueue(failure.func, *(failure.args or ()), **(failure.kwargs or {}))
        failure.delete()
    return True


__all__ = ["failed_emails", "failed_tasks", "failure_count", "retry_email", "retry_task"]
