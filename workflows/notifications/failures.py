"""Failed background work, for coordinators: django-q2 failures and emails that bounced.

django-q2 records a task that exhausted its attempts (``max_attempts``) in ``Failure`` (with
``ack_failures`` it leaves the queue). Retrying re-enqueues the same function and arguments;
the tasks are idempotent, so a retry of something that half-worked does no harm.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Q, QuerySet

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

#: Outbox key prefix (before the first ":") -> a function of many keys' object ids (the part
#: after the prefix, up to the next ":") that returns ``{object id: the cohort the email is
#: about}`` (a cohort is anything with a ``translation_key``), leaving out the ids it cannot
#: resolve, in a fixed number of queries however many ids it gets. Domain apps register theirs
#: (:func:`register_email_scope`, most with :func:`objects_by_id`); this app knows no domain
#: model.
EMAIL_SCOPES: dict[str, Callable[[list[str]], dict[str, Any]]] = {}


def register_email_scope(prefix: str, resolver: Callable[[list[str]], dict[str, Any]]) -> None:
    EMAIL_SCOPES[prefix] = resolver


def objects_by_id(queryset: QuerySet, ids: Iterable[str]) -> dict[str, Any]:
    """For the resolvers: ``{id: object}`` of the objects of ``queryset`` whose primary key is
    one of ``ids`` (one query). An id that is no integer, or names no object, is left out."""
    pks: dict[str, int] = {}
    for raw in ids:
        try:
            pks[raw] = int(raw)
        except (TypeError, ValueError):
            continue
    if not pks:
        return {}
    found = {obj.pk: obj for obj in queryset.filter(pk__in=set(pks.values()))}
    return {raw: found[pk] for raw, pk in pks.items() if pk in found}


def email_cohorts(emails: Iterable[OutboundEmail]) -> dict[int, Any]:
    """``{email pk: the cohort it is about}`` for ``emails``, one resolver call per key prefix
    (so a fixed number of queries however many emails). Emails about no cohort (unknown
    prefix, object gone, not per cohort) are left out."""
    wanted: dict[str, dict[str, list[int]]] = {}
    for email in emails:
        prefix, *rest = email.key.split(":")
        if prefix in EMAIL_SCOPES:
            object_id = rest[0] if rest else ""
            wanted.setdefault(prefix, {}).setdefault(object_id, []).append(email.pk)
    result: dict[int, Any] = {}
    for prefix, by_object in wanted.items():
        try:
            cohorts = EMAIL_SCOPES[prefix](list(by_object))
        except (ObjectDoesNotExist, LookupError, ValueError, TypeError):
            continue
        for object_id, email_pks in by_object.items():
            cohort = cohorts.get(object_id)
            if cohort is not None:
                result.update(dict.fromkeys(email_pks, cohort))
    return result


def email_cohort(email: OutboundEmail) -> Any:
    """The cohort ``email`` is about, or None (unknown prefix, object gone, not per cohort)."""
    return email_cohorts([email]).get(email.pk)


def failed_emails_for(user: Any) -> list[OutboundEmail]:
    """The failed emails ``user`` may see and retry: all for a global coordinator; for one
    scoped to cohorts, only those about their cohorts (an email about no cohort is global).
    The cohorts of the emails looked through are resolved together (:func:`email_cohorts`)."""
    keys = coordinated_cohort_keys(user)
    if keys is None:
        return list(failed_emails()[:LISTED])
    emails = list(failed_emails()[: LISTED * 5])
    cohorts = email_cohorts(emails)
    visible = []
    for email in emails:
        cohort = cohorts.get(email.pk)
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
    "email_cohorts",
    "failed_emails",
    "failed_emails_for",
    "failed_tasks",
    "failed_tasks_for",
    "failure_count",
    "objects_by_id",
    "register_email_scope",
    "retry_email",
    "retry_task",
]
