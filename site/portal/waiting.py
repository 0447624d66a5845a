"""The signed-in applicant's submissions that the worker has not turned into applications yet.

A form's POST only stores a :class:`~applications.models.ReceivedSubmission`; the worker
creates the application a few seconds later (longer when it is down). An applicant who goes
from the "thank you" page straight to the portal would otherwise find nothing there, so the
dashboard lists these too, with a note that they are being processed.

Whose a received submission is: its answers' email, normalised as the applications app
identifies a person (:func:`~applications.models.normalise_email`: case, NFKC, invisible
characters, the IDNA domain), equals the signed-in person's address, which is exactly the
person the worker will file it under. The row's ``user`` is not used: portal applicants have
no user account (the portal signs in a :class:`~applications.models.Person`), so a ``user``
is a staff account that was signed in when the form was sent, possibly on someone else's
behalf, and matching it would show that submission on a dashboard where its application will
never appear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from applications.models import Application, Person, ReceivedSubmission, normalise_email

if TYPE_CHECKING:
    from cohorts.models import CohortPage

ROLE_LABELS = dict(Application.Role.choices)


@dataclass(frozen=True)
class WaitingSubmission:
    """One received submission as the dashboard shows it (``cohort`` in the source locale)."""

    pk: int
    cohort: CohortPage
    role: str
    role_label: str
    received_at: datetime


def waiting_submissions(
    person: Person, applications: Iterable[Application] = ()
) -> list[WaitingSubmission]:
    """``person``'s received submissions still waiting for the worker, newest first.

    Two queries at most, whatever the number of rows: the waiting rows' addresses (the table
    holds seconds' worth of submissions, minutes' when the worker was down), then the matching
    rows with their cohorts. The addresses are compared in Python because
    ``normalise_email`` is more than the database's case-insensitive match (SQLite folds the
    case of ASCII letters only). A submission for a cohort and role of one of
    ``applications`` is left out: the worker will find it a duplicate, create nothing and
    email the applicant, so it would never appear here as the note promises.
    """
    mine = received_from(normalise_email(person.email))
    if not mine:
        return []
    applied = {(application.cohort_id, application.role) for application in applications}
    rows = (
        ReceivedSubmission.objects.filter(pk__in=mine)
        .select_related("cohort")
        .defer("answers", "form_snapshot")
        .order_by("-received_at", "-pk")
    )
    return [
        WaitingSubmission(
            pk=row.pk,
            cohort=row.cohort,
            role=row.role,
            role_label=str(ROLE_LABELS.get(row.role, row.role)),
            received_at=row.received_at,
        )
        for row in rows
        if (row.cohort_id, row.role) not in applied
    ]


def received_from(address: str) -> list[int]:
    """The waiting submissions sent from ``address`` (normalised), oldest first: those whose
    answers' email normalises to it. Compared in Python, because ``normalise_email`` is more
    than the database's case-insensitive match (SQLite folds the case of ASCII letters only);
    one query, whatever the number of rows."""
    return [
        pk
        for pk, sent_from in ReceivedSubmission.objects.order_by("received_at", "pk").values_list(
            "pk", "answers__email"
        )
        if isinstance(sent_from, str) and normalise_email(sent_from) == address
    ]
