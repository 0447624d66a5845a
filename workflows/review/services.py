"""Review services: assign, recuse and replace, submit a review, decide.

Views call these; each runs in one transaction and changes state only through the engine.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.db.models import Avg, Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from applications.models import Application
from applications.queues import REVIEWERS_PER_APPLICATION
from workflows.access.models import CohortRole
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError, apply_transition, check_transition
from workflows.lifecycles.application import (
    APPLICATION,
    DECISIONS,
    IN_REVIEW,
    SUBMITTED,
    WAITLISTED,
)
from workflows.review import permissions
from workflows.review.models import (
    Criterion,
    Review,
    ReviewAssignment,
    ReviewerProfile,
    Rubric,
    Score,
)
from workflows.roles import REVIEWERS

logger = logging.getLogger(__name__)

#: How long a reviewer has, unless the coordinator sets a due date.
DEFAULT_REVIEW_DAYS = 14
EMAIL_EFFECT = "email_applicant"


class ReviewError(Exception):
    """A review action was refused; ``reason`` is translated, for people."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _require(permission: tuple[bool, str]) -> None:
    allowed, reason = permission
    if not allowed:
        raise ReviewError(reason)


# --- assignment -------------------------------------------------------------------------


def assign_reviewer(
    application: Application,
    reviewer: Any,
    actor: Actor,
    *,
    due_on: date | None = None,
) -> ReviewAssignment:
    """Assign ``reviewer``; a submitted application moves to review on its first reviewer."""
    if not actor.is_system:
        _require(permissions.can_assign(actor.user, application))
    return _assign(application, reviewer, actor, due_on)


def _assign(
    application: Application, reviewer: Any, actor: Actor, due_on: date | None
) -> ReviewAssignment:
    _require(permissions.can_be_assigned(reviewer, application))
    with transaction.atomic():
        assignment = ReviewAssignment.objects.create(
            application=application,
            reviewer=reviewer,
            due_on=due_on or timezone.localdate() + timedelta(days=DEFAULT_REVIEW_DAYS),
            assigned_by=actor.user,
        )
        _start_review(application, actor)
    return assignment


def _start_review(application: Application, actor: Actor) -> None:
    application.refresh_from_db(fields=["state"])
    if application.state == SUBMITTED:
        apply_transition(APPLICATION, application, "start_review", actor)


def application_disciplines(application: Application) -> set[str]:
    """The stable keys of the application's disciplines (``profile.disciplines``, the
    applications app's :class:`~applications.models.Discipline` snippets).

    An explicit ``disciplines`` attribute (disciplines or their keys) wins, so callers and
    tests can rank for a draft. Without any, assignment balances by load alone.
    """
    value = getattr(application, "disciplines", None)
    if value is None:
        try:
            value = application.profile.disciplines.all()
        except ObjectDoesNotExist:
            return set()
    keys = set()
    for item in value:
        key = getattr(item, "key", item)
        if str(key).strip():
            keys.add(str(key).strip())
    return keys


def reviewer_pool(application: Application) -> QuerySet:
    """Active reviewers who may take ``application``: the cohort's own reviewers when it has
    any (``CohortRole``), otherwise everyone in the Reviewers group."""
    users = get_user_model().objects.filter(is_active=True, groups__name=REVIEWERS)
    cohort_reviewers = CohortRole.objects.filter(
        role=CohortRole.Role.REVIEWER,
        cohort__translation_key=application.cohort.translation_key,
    ).values("user_id")
    if cohort_reviewers.exists():
        users = users.filter(pk__in=cohort_reviewers)
    return (
        users.exclude(review_assignments__application=application)
        .exclude(email__iexact=application.person.email)
        .annotate(
            open_reviews=Count(
                "review_assignments",
                filter=Q(review_assignments__status=ReviewAssignment.Status.ASSIGNED),
                distinct=True,
            )
        )
        .distinct()
    )


def rank_reviewers(application: Application) -> list[Any]:
    """Candidates best first: a shared discipline first, then the fewest open reviews."""
    wanted = application_disciplines(application)
    profiles = {p.user_id: p for p in ReviewerProfile.objects.prefetch_related("disciplines")}
    ranked = []
    for user in reviewer_pool(application):
        profile = profiles.get(user.pk)
        full = profile and profile.max_open_reviews is not None
        if full and user.open_reviews >= profile.max_open_reviews:
            continue
        overlap = len(wanted & profile.discipline_set()) if (profile and wanted) else 0
        ranked.append((-overlap, user.open_reviews, user.pk, user))
    ranked.sort(key=lambda item: item[:3])
    return [item[3] for item in ranked]


def auto_assign(
    application: Application,
    actor: Actor,
    *,
    reviewers: int = REVIEWERS_PER_APPLICATION,
    due_on: date | None = None,
) -> list[ReviewAssignment]:
    """Top the application up to ``reviewers`` active assignments, balanced by load and
    discipline. Returns the new assignments (fewer if the pool runs out)."""
    if not actor.is_system:
        _require(permissions.can_assign(actor.user, application))
    created = []
    with transaction.atomic():
        missing = reviewers - application.review_assignments.active().count()
        for reviewer in rank_reviewers(application)[: max(missing, 0)]:
            created.append(_assign(application, reviewer, actor, due_on))
    return created


@dataclass
class AssignmentResult:
    """What automatic assignment did for one application, and why it fell short if it did."""

    application: Application
    assigned: list[ReviewAssignment]
    reviewers: int
    wanted: int
    reason: str = ""

    @property
    def short(self) -> bool:
        return self.reviewers < self.wanted


def shortfall_reason(application: Application) -> str:
    """Why no (further) reviewer could be assigned to ``application``, in the reader's words:
    nobody reviews this cohort, every candidate is at their limit, in conflict or already
    assigned, and whether any reviewer profile covers the application's disciplines."""
    everyone = get_user_model().objects.filter(is_active=True, groups__name=REVIEWERS)
    cohort_reviewers = CohortRole.objects.filter(
        role=CohortRole.Role.REVIEWER, cohort__translation_key=application.cohort.translation_key
    ).values("user_id")
    if cohort_reviewers.exists():
        everyone = everyone.filter(pk__in=cohort_reviewers)
    total = everyone.count()
    if total == 0:
        return _("Nobody reviews this cohort: add reviewers (or cohort reviewer roles).")
    taken = everyone.filter(review_assignments__application=application).distinct().count()
    own = everyone.filter(email__iexact=application.person.email).count()
    pool = list(reviewer_pool(application))
    profiles = {p.user_id: p for p in ReviewerProfile.objects.prefetch_related("disciplines")}
    at_limit = sum(
        1
        for user in pool
        if (profile := profiles.get(user.pk)) is not None
        and profile.max_open_reviews is not None
        and user.open_reviews >= profile.max_open_reviews
    )
    parts = []
    if at_limit:
        parts.append(
            ngettext(
                "%(count)s reviewer is at their limit of open reviews",
                "%(count)s reviewers are at their limit of open reviews",
                at_limit,
            )
            % {"count": at_limit}
        )
    if taken or own:
        parts.append(
            ngettext(
                "%(count)s is already assigned, declared a conflict of interest or applied",
                "%(count)s are already assigned, declared a conflict of interest or applied",
                taken + own,
            )
            % {"count": taken + own}
        )
    wanted = application_disciplines(application)
    if wanted and not any(wanted & p.discipline_set() for p in profiles.values()):
        parts.append(_("no reviewer profile covers the application's disciplines"))
    summary = ngettext(
        "Of %(count)s reviewer, none more could be assigned",
        "Of %(count)s reviewers, none more could be assigned",
        total,
    ) % {"count": total}
    return f"{summary}: {'; '.join(parts)}." if parts else f"{summary}."


def auto_assign_with_reasons(
    application: Application, actor: Actor, *, reviewers: int = REVIEWERS_PER_APPLICATION
) -> AssignmentResult:
    """:func:`auto_assign`, reporting how many reviewers the application now has and, when
    fewer than ``reviewers``, why (for the listing's bulk action: one result per application)."""
    assigned = auto_assign(application, actor, reviewers=reviewers)
    count = application.review_assignments.active().count()
    reason = shortfall_reason(application) if count < reviewers else ""
    return AssignmentResult(application, assigned, count, reviewers, reason)


def declare_conflict(
    assignment: ReviewAssignment, user: Any, reason: str
) -> ReviewAssignment | None:
    """The reviewer recuses themselves; a replacement is assigned automatically (same due
    date, or a fresh one if it already passed). Returns the replacement, or None if the pool is
    empty (the Decisions list then shows one review fewer for the application, and the
    coordinators assign someone by hand)."""
    _require(permissions.can_declare_conflict(user, assignment))
    if not reason.strip():
        raise ReviewError(_("Please say briefly what the conflict of interest is."))
    with transaction.atomic():
        updated = ReviewAssignment.objects.filter(
            pk=assignment.pk, status=ReviewAssignment.Status.ASSIGNED
        ).update(
            status=ReviewAssignment.Status.RECUSED,
            conflict_reason=reason.strip(),
            recused_at=timezone.now(),
        )
        if not updated:
            raise ReviewError(_("This review is no longer open."))
        assignment.refresh_from_db()
        due = assignment.due_on
        if due is None or due < timezone.localdate():
            due = None
        candidates = rank_reviewers(assignment.application)
        if not candidates:
            return None
        return assign_reviewer(assignment.application, candidates[0], Actor.system(), due_on=due)


# --- reviewing ----------------------------------------------------------------------------


def rubric_for(application: Application, language: str | None = None) -> Rubric | None:
    """The active rubric of the applicant's role, in ``language`` when translated."""
    rubrics = Rubric.objects.filter(role=application.role, is_active=True)
    if language:
        localized = rubrics.filter(locale__language_code=language).order_by("pk").first()
        if localized:
            return localized
    return rubrics.order_by("pk").first()


def weighted_average(pairs: Iterable[tuple[Decimal, int]]) -> Decimal | None:
    """Σ weight·score / Σ weight, to two decimals; None without scores."""
    pairs = list(pairs)
    total = sum((Decimal(w) for w, _s in pairs), Decimal(0))
    if not pairs or total == 0:
        return None
    value = sum((Decimal(w) * s for w, s in pairs), Decimal(0)) / total
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def submit_review(
    assignment: ReviewAssignment,
    user: Any,
    *,
    rubric: Rubric,
    scores: dict[int, int],
    recommendation: str,
    comment: str = "",
) -> Review:
    """Store the filled-in rubric and close the assignment (once)."""
    _require(permissions.can_review(user, assignment))
    criteria = list(rubric.criteria.all())
    missing = [c.label for c in criteria if c.pk not in scores]
    if missing:
        raise ReviewError(_("Please score every criterion."))
    if any(not 1 <= int(scores[c.pk]) <= 5 for c in criteria):
        raise ReviewError(_("Scores go from 1 to 5."))
    if recommendation not in Review.Recommendation.values:
        raise ReviewError(_("Please choose a recommendation."))
    with transaction.atomic():
        closed = ReviewAssignment.objects.filter(
            pk=assignment.pk, status=ReviewAssignment.Status.ASSIGNED
        ).update(status=ReviewAssignment.Status.SUBMITTED)
        if not closed:
            raise ReviewError(_("You have already submitted this review."))
        review = Review.objects.create(
            assignment=assignment,
            rubric=rubric,
            recommendation=recommendation,
            comment=comment,
            weighted_score=weighted_average((c.weight, int(scores[c.pk])) for c in criteria),
        )
        Score.objects.bulk_create(
            Score(review=review, criterion=c, label=c.label, weight=c.weight, score=scores[c.pk])
            for c in criteria
        )
    assignment.status = ReviewAssignment.Status.SUBMITTED
    return review


def with_review_summary(applications: QuerySet[Application]) -> QuerySet[Application]:
    """Annotate ``average_score`` (mean of the reviews' weighted scores), ``reviews_done`` and
    ``reviews_open``, for coordinators' listings."""
    submitted = Q(review_assignments__status=ReviewAssignment.Status.SUBMITTED)
    return applications.annotate(
        average_score=Avg("review_assignments__review__weighted_score", filter=submitted),
        reviews_done=Count("review_assignments", filter=submitted, distinct=True),
        reviews_open=Count(
            "review_assignments",
            filter=Q(review_assignments__status=ReviewAssignment.Status.ASSIGNED),
            distinct=True,
        ),
    )


def criterion_in(rubric: Rubric, pk: int) -> Criterion | None:
    return rubric.criteria.filter(pk=pk).first()


# --- deciding -----------------------------------------------------------------------------


def decide(
    application: Application,
    decision: str,
    actor: Actor,
    *,
    message: str = "",
    comment: str = "",
    email_applicant: bool = True,
):
    """Apply a coordinator's decision (accept, waitlist, reject, request_changes).

    The engine checks the role (cohort-scoped), writes the history entry and enqueues the
    applicant's email in the same transaction; ``email_applicant=False`` skips the email for
    this one decision. Returns the history entry; raises ``TransitionError``.
    """
    if decision not in DECISIONS:
        raise TransitionError(_("There is no such step."))
    return apply_transition(
        APPLICATION,
        application,
        decision,
        actor,
        message=message,
        comment=comment,
        disabled_effects=frozenset() if email_applicant else frozenset({EMAIL_EFFECT}),
    )


@dataclass
class BatchResult:
    decided: list[Application]
    refused: list[tuple[Application, str]]


def decide_batch(
    applications: Iterable[Application],
    decision: str,
    actor: Actor,
    *,
    message: str = "",
    email_applicant: bool = True,
) -> BatchResult:
    """Decide many applications; each is its own transaction, so one refusal (wrong state,
    a full cohort, another cohort) leaves the others decided. Reports both lists."""
    result = BatchResult([], [])
    for application in applications:
        try:
            decide(application, decision, actor, message=message, email_applicant=email_applicant)
        except TransitionError as error:
            result.refused.append((application, error.reason))
        else:
            result.decided.append(application)
    return result


def decision_choices(application: Application, actor: Actor) -> list[tuple[str, str, bool, str]]:
    """(name, label, allowed, reason) per decision, for the decision form's buttons."""
    choices = []
    for name in DECISIONS:
        check = check_transition(APPLICATION, application, name, actor)
        choices.append((name, str(APPLICATION.transition(name).label), check.allowed, check.reason))
    return choices


def is_decidable(application: Application) -> bool:
    return application.state in {IN_REVIEW, WAITLISTED}
