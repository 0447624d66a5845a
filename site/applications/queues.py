"""The intake's work queues, as querysets: what the dashboard counts and the listing filters.

One definition each, used by the staff console's counts and by the applications listing's
"queue" filter, so that a figure and the list it links to always agree. Review assignments are
read through the reverse relation ``review_assignments`` (the review app sits above this one).
"""

from __future__ import annotations

from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from applications.models import RECUSED_ASSIGNMENT, Application
from workflows.lifecycles.application import (
    ACCEPTED,
    ACTIVE,
    AGREEMENT,
    COMPLETED,
    IN_REVIEW,
    MATCHED,
    SUBMITTED,
    WAITLISTED,
)

#: Every application gets this many (not recused) reviewers (automatic assignment tops up to it).
REVIEWERS_PER_APPLICATION = 2
#: ``ReviewAssignment.Status.ASSIGNED``: a review not yet submitted.
OPEN_ASSIGNMENT = "assigned"
#: States that hold one of the cohort's places.
PLACE_TAKING_STATES = (ACCEPTED, MATCHED, AGREEMENT, ACTIVE, COMPLETED)
#: States in which reviewers are still wanted.
REVIEWABLE_STATES = (SUBMITTED, IN_REVIEW)
#: States a coordinator decides from.
DECIDABLE_STATES = (IN_REVIEW, WAITLISTED)

NEEDS_REVIEWERS = "needs_reviewers"
REVIEWS_OVERDUE = "reviews_overdue"
READY_TO_DECIDE = "ready_to_decide"
PLACES_TAKEN = "places_taken"
QUEUES = {
    NEEDS_REVIEWERS: _("Needs reviewers"),
    REVIEWS_OVERDUE: _("Reviews overdue"),
    READY_TO_DECIDE: _("Ready to decide"),
    PLACES_TAKEN: _("Places taken"),
}


def _assignments():
    return Application._meta.get_field("review_assignments").related_model.objects


def _count_of(assignments) -> Coalesce:
    """A per-application count of ``assignments`` as a subquery (aggregatable afterwards)."""
    counted = (
        assignments.filter(application=OuterRef("pk"))
        .order_by()
        .values("application")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_review_counts(applications: QuerySet, today: date | None = None) -> QuerySet:
    """Annotate ``reviewers`` (not recused), ``open_reviews`` and ``overdue_reviews``."""
    today = today or timezone.localdate()
    active = _assignments().exclude(status=RECUSED_ASSIGNMENT)
    open_ = active.filter(status=OPEN_ASSIGNMENT)
    return applications.annotate(
        reviewers=_count_of(active),
        open_reviews=_count_of(open_),
        overdue_reviews=_count_of(open_.filter(due_on__lt=today)),
    )


def queue_condition(queue: str) -> Q:
    """The condition (on an application annotated by :func:`with_review_counts`)."""
    if queue == NEEDS_REVIEWERS:
        return Q(state__in=REVIEWABLE_STATES, reviewers__lt=REVIEWERS_PER_APPLICATION)
    if queue == REVIEWS_OVERDUE:
        return Q(state__in=REVIEWABLE_STATES, overdue_reviews__gt=0)
    if queue == READY_TO_DECIDE:
        return Q(state__in=DECIDABLE_STATES, reviewers__gt=0, open_reviews=0)
    if queue == PLACES_TAKEN:
        return Q(state__in=PLACE_TAKING_STATES)
    raise KeyError(queue)


def in_queue(applications: QuerySet, queue: str) -> QuerySet:
    """The applications of ``applications`` in ``queue`` (one of :data:`QUEUES`)."""
    return with_review_counts(applications).filter(queue_condition(queue))


def places_taken(applications) -> list[dict]:
    """Places taken / capacity for each cohort and role among ``applications`` (for the
    decision screens: accepting shows how full the cohort already is). One query."""
    pairs = {(a.cohort.translation_key, a.role): a for a in applications}
    if not pairs:
        return []
    counts = {
        (row["cohort__translation_key"], row["role"]): row["n"]
        for row in Application.objects.filter(
            cohort__translation_key__in={key for key, _ in pairs},
            state__in=PLACE_TAKING_STATES,
        )
        .values("cohort__translation_key", "role")
        .annotate(n=Count("pk"))
    }
    return [
        {
            "cohort": application.cohort.title,
            "role": application.get_role_display(),
            "taken": counts.get(pair, 0),
            "capacity": application.cohort.capacity,
        }
        for pair, application in pairs.items()
    ]
