"""Submitting the form: the answers are received at once and accepted by the worker.

The form page's POST checks what the applicant must hear about now (fields and files in the
form, the cohort's window and institutions in :func:`receive_submission`), then stores the
answers in one :class:`~applications.received.ReceivedSubmission` row and queues
``applications.tasks.accept_submission`` in the same transaction (the ORM broker's queue row
is in the database, too). The worker's :func:`accept_received` creates the application exactly
as :func:`applications.services.create_application` always did, and deletes the row in the same
transaction, so a second run of the task finds nothing and does nothing.

The task waits for a quiet moment before it accepts (:func:`accept_when_quiet`): while
applicants keep submitting, the worker's writes would take the CPU and, on SQLite, the single
write lock from the web processes that answer them. It accepts every waiting submission, oldest
first, once none has arrived for ``APPLICATIONS_ACCEPT_QUIET_MS`` (500) or the oldest has waited
``APPLICATIONS_ACCEPT_MAX_DELAY_SECONDS`` (10), so a steady stream is accepted every ten seconds
at the latest. Measured with ``manage.py bench --only http`` (two web workers and a qcluster on
two cores): 200 submissions from 50 clients at 80–107 a second with the wait (180–200 since
the request got cheaper), about 30 without it, the worker's acceptances stalling the web on
SQLite's write lock.

A duplicate (the address applied to this cohort in this role before) is found by the worker:
the applicant was answered as for a new application either way, and the address's owner gets
the "you have already applied" email. Eligibility is not checked again: the answers were
eligible when they arrived, and ``submitted_at`` is that moment.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import JSONField, Value
from django.db.models.functions import Cast
from django.utils import timezone

from applications.forms import PRIVACY_VERSION_FIELD, ApplicationForm, answers_as_json
from applications.memo import remembering
from applications.models import Application, Draft, ReceivedSubmission, Upload
from applications.services import (
    AlreadyApplied,
    SubmissionRefused,
    create_application,
    mark_draft_submitted,
    refusals_for,
)
from applications.uploads import keep_valid_uploads
from workflows.engine.actors import Actor
from workflows.engine.engine import enqueue

logger = logging.getLogger(__name__)

ACCEPT_TASK = "applications.tasks.accept_submission"
#: A received submission older than this is accepted by the schedule (its task was lost, or
#: the worker was down): long enough that a working queue has always taken it first.
WAITING_TOO_LONG = timedelta(minutes=2)


def receive_submission(
    *,
    form_page,
    form: ApplicationForm,
    actor: Actor,
    draft: Draft | None = None,
    now: datetime | None = None,
    also: Callable[[], None] | None = None,
) -> ReceivedSubmission:
    """Store the answers of a valid ``form`` with its new files and queue their acceptance,
    in one transaction; or raise :class:`SubmissionRefused` with the eligibility reasons,
    having stored nothing (the caller keeps the files, see ``keep_valid_uploads``).
    ``also`` writes in the same transaction (the form's rate-limit note)."""
    now = now or timezone.now()
    cleaned: dict[str, Any] = form.cleaned_data
    refusals = refusals_for(form_page, cleaned, now)
    if refusals:
        raise SubmissionRefused(refusals)
    user = actor.user if actor.user is not None and actor.user.is_authenticated else None
    form_snapshot = stored_as_json(form.definition_json())
    with transaction.atomic():
        if also is not None:
            also()
        keep_valid_uploads(form, draft)
        uploads: dict[str, Upload] = form.pending_uploads
        received = ReceivedSubmission.objects.create(
            cohort=form_page.get_source_cohort(),
            role=form_page.role,
            form_page=form_page,
            language=form_page.locale.language_code,
            answers=answers_as_json(cleaned, uploads),
            privacy_notice_version=cleaned.get(PRIVACY_VERSION_FIELD) or "",
            form_snapshot=form_snapshot,
            draft=draft if draft is not None and draft.pk else None,
            user=user,
            ip=actor.ip,
            user_agent=actor.user_agent,
            received_at=now,
        )
        Upload.objects.filter(pk__in=[upload.pk for upload in uploads.values()]).update(
            received=received
        )
        mark_draft_submitted(draft, now)
        enqueue(ACCEPT_TASK, received.pk)
    return received


def stored_as_json(text: str) -> Cast:
    """JSON ``text`` for a JSONField, stored as it is (``CAST(… AS text)`` on SQLite,
    ``::jsonb`` on PostgreSQL): Django would otherwise need the decoded value only to
    encode it again."""
    return Cast(Value(text), output_field=JSONField())


def accept_received(pk: int) -> Application | None:
    """Turn the received submission ``pk`` into an application and delete it, in one
    transaction. None when there is nothing (left) to do: it was accepted already, or it was
    a duplicate (its address's owner emailed). Safe to run twice, also at the same time: the
    row is locked (PostgreSQL) or the write lock taken first (SQLite, ``BEGIN IMMEDIATE``)."""
    if not ReceivedSubmission.objects.filter(pk=pk).exists():
        return None  # accepted already: no write lock taken for nothing
    # Lookups repeated within one acceptance (the default locale, the institution, the
    # notice in force) are made once, as within one request (applications.memo).
    with remembering(), transaction.atomic():
        received = (
            ReceivedSubmission.objects.select_for_update(of=("self",))
            .select_related("cohort", "form_page", "draft", "user")
            .filter(pk=pk)
            .first()
        )
        if received is None:
            return None
        uploads = {upload.field_key: upload for upload in received.uploads.all()}
        cleaned = {**received.answers, PRIVACY_VERSION_FIELD: received.privacy_notice_version}
        try:
            application = create_application(
                cohort=received.cohort,
                role=received.role,
                form_page=received.form_page,
                language=received.language,
                cleaned=cleaned,
                uploads=uploads,
                actor=Actor(user=received.user, ip=received.ip, user_agent=received.user_agent),
                draft=received.draft,
                submitted_at=received.received_at,
                form_snapshot=received.form_snapshot,
            )
        except AlreadyApplied:
            application = None
        received.delete()
    return application


def quiet_period() -> timedelta:
    return timedelta(milliseconds=int(getattr(settings, "APPLICATIONS_ACCEPT_QUIET_MS", 500)))


def longest_delay() -> timedelta:
    return timedelta(seconds=int(getattr(settings, "APPLICATIONS_ACCEPT_MAX_DELAY_SECONDS", 10)))


def applicants_submitting(now: datetime) -> bool:
    """Whether a submission arrived within the quiet period before ``now``."""
    return ReceivedSubmission.objects.filter(received_at__gt=now - quiet_period()).exists()


def accept_when_quiet(
    pk: int, *, sleep: Callable[[float], None] = time.sleep, poll_seconds: float = 0.1
) -> int:
    """The queued task's work: nothing when ``pk`` was accepted already; otherwise wait while
    applicants are submitting (see the module docstring), at most until the oldest waiting
    submission has waited ``longest_delay()``, then accept every waiting submission. Returns
    how many were accepted or found duplicate."""
    if not ReceivedSubmission.objects.filter(pk=pk).exists():
        return 0
    oldest = (
        ReceivedSubmission.objects.order_by("received_at")
        .values_list("received_at", flat=True)
        .first()
    )
    if oldest is None:
        return 0
    deadline = oldest + longest_delay()
    while timezone.now() < deadline and applicants_submitting(timezone.now()):
        sleep(poll_seconds)
    return accept_waiting(older_than=timedelta(0))


@dataclass(frozen=True)
class AcceptedOldest:
    """What :func:`accept_oldest` did with the submissions it took.

    ``applications`` became applications; ``settled`` needed none (a duplicate, its address's
    owner emailed, or one another process accepted meanwhile); ``failed`` are still waiting,
    their transactions rolled back (``errors`` says why); ``left`` were past the cutoff but
    beyond the limit, untouched."""

    applications: int = 0
    settled: int = 0
    failed: int = 0
    left: int = 0
    errors: tuple[Exception, ...] = field(default=(), repr=False)

    @property
    def looked_at(self) -> int:
        """The submissions taken (within the limit), whatever came of them."""
        return self.applications + self.settled + self.failed


def accept_oldest(older_than: timedelta, limit: int | None = None) -> AcceptedOldest:
    """Accept the submissions received more than ``older_than`` ago, oldest first, at most
    ``limit`` of them, each in its own transaction: one that fails is logged and kept, and does
    not hold up the others. A limit keeps a request that accepts (the console's "Accept them
    now") short after a long outage; the worker's tasks take everything."""
    cutoff = timezone.now() - older_than
    pks = list(
        ReceivedSubmission.objects.filter(received_at__lte=cutoff)
        .order_by("received_at", "pk")
        .values_list("pk", flat=True)
    )
    taken, left = (pks, []) if limit is None else (pks[:limit], pks[limit:])
    applications = settled = 0
    errors: list[Exception] = []
    for pk in taken:
        try:
            application = accept_received(pk)
        except Exception as error:  # noqa: BLE001 - counted; the caller decides what to raise
            logger.exception("Received submission %s could not be accepted", pk)
            errors.append(error)
            continue
        if application is None:
            settled += 1
        else:
            applications += 1
    return AcceptedOldest(
        applications=applications,
        settled=settled,
        failed=len(errors),
        left=len(left),
        errors=tuple(errors),
    )


def accept_waiting(older_than: timedelta = WAITING_TOO_LONG) -> int:
    """Accept every submission received more than ``older_than`` ago (the schedule's safety
    net for a lost task or a worker that was down); returns how many were looked at.

    One that fails does not hold up the others; the first failure is raised at the end, so
    that the task shows in the console's failed background tasks."""
    outcome = accept_oldest(older_than)
    if outcome.errors:
        raise RuntimeError(
            f"{outcome.failed} of {outcome.looked_at} received submissions could not be accepted"
        ) from outcome.errors[0]
    return outcome.looked_at


__all__ = [
    "AcceptedOldest",
    "accept_oldest",
    "accept_received",
    "accept_waiting",
    "accept_when_quiet",
    "receive_submission",
]
