"""Failed background work, for coordinators: django-q2 failures and emails that bounced.

django-q2 records a task that exhausted its attempts (``max_attempts``) in ``Failure`` (with
``ack_failures`` it leaves the queue). Retrying re-enqueues the same function and arguments;
the tasks are idempotent, so a retry of something that half-worked does no harm.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Q

from workflows.access.cohorts import coordinated_cohort_keys
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


#: How many failures a page lists (and a scoped coordinator's filter looks through).
LISTED = 200

#: Outbox key prefix (before the first ":") -> a function of the key's remaining parts that
#: returns the cohort the email is about (anything with a ``translation_key``) or None. Domain
#: apps register theirs (:func:`register_email_scope`); this app knows no domain model.
EMAIL_SCOPES: dict[str, Callable[[list[str]], Any]] = {}


def register_email_scope(prefix: str, resolver: Callable[[list[str]], Any]) -> None:
    EMAIL_SCOPES[prefix] = resolver


def email_cohort(email: OutboundEmail) -> Any:
    """The cohort ``email`` is about, or None (unknown prefix, object gone, not per cohort)."""
    prefix, *rest = email.key.split(":")
    resolver = EMAIL_SCOPES.get(prefix)
    if resolver is None:
        return None
    try:
        return resolver(rest)
    except (ObjectDoesNotExist, LookupError, ValueError, TypeError):
        return None


def failed_emails_for(user: Any) -> list[OutboundEmail]:
    """The failed emails ``user`` may see and retry: all for a global coordinator; for one
    scoped to cohorts, only those about their cohorts (an email about no cohort is global)."""
    keys = coordinated_cohort_keys(user)
    if keys is None:
        return list(failed_emails()[:LISTED])
    visible = []
    for email in failed_emails()[: LISTED * 5]:
        cohort = email_cohort(email)
        if cohort is not None and getattr(cohort, "translation_key", None) in keys:
            visible.append(email)
    return visible[:LISTED]


def failed_tasks_for(user: Any):
    """Failed tasks carry only ids of any domain: global coordinators only (a queryset)."""
    if coordinated_cohort_keys(user) is None:
        return failed_tasks()
    return failed_tasks().none()


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


__all__ = [
    "email_cohort",
    "failed_emails",
    "failed_emails_for",
    "failed_tasks",
    "failed_tasks_for",
    "failure_count",
    "register_email_scope",
    "retry_email",
    "retry_task",
]
