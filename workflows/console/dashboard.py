"""The intake dashboard: per cohort and applicant role, where every application stands.

Counts per state, "needs reviewers", "reviews overdue", "ready to decide" (every review in) and
places taken against the cohort's capacity, each linking to the applications listing filtered
to exactly those applications (the same queue definitions, :mod:`applications.queues`). The
figures come from one grouped query over the applications the person may see, one query for
the cohort pages and one for reviewers' own counts: the number of queries does not grow with
the number of applications or cohorts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from applications.models import Application
from applications.permissions import applications_visible_to
from applications.queues import (
    NEEDS_REVIEWERS,
    PLACE_TAKING_STATES,
    PLACES_TAKEN,
    READY_TO_DECIDE,
    REVIEWS_OVERDUE,
    queue_condition,
    with_review_counts,
)
from cohorts.models import CohortPage
from workflows.access.cohorts import coordinated_cohort_keys
from workflows.access.groups import is_coordinator, is_reviewer
from workflows.lifecycles.application import (
    APPLICATION,
    REJECTED,
    SUBMITTED,
    WAITLISTED,
)
from workflows.review.models import ReviewAssignment

QUEUE_ORDER = (NEEDS_REVIEWERS, REVIEWS_OVERDUE, READY_TO_DECIDE)
QUEUE_LABELS = {
    NEEDS_REVIEWERS: _("Needs reviewers"),
    REVIEWS_OVERDUE: _("Reviews overdue"),
    READY_TO_DECIDE: _("Ready to decide"),
}
DECIDED_STATES = (*PLACE_TAKING_STATES, REJECTED, WAITLISTED)


def listing_url(**filters: Any) -> str:
    """The applications listing filtered by ``filters`` (lists become repeated parameters)."""
    return f"{reverse('application_admin:index')}?{urlencode(filters, doseq=True)}"


@dataclass
class Figure:
    label: str
    count: int
    url: str
    key: str = ""


@dataclass
class FunnelStep:
    label: str
    count: int
    percent: int


@dataclass
class RoleFigures:
    role: str
    label: str
    total: int = 0
    states: list[Figure] = field(default_factory=list)
    queues: list[Figure] = field(default_factory=list)
    places_taken: int = 0
    capacity: int | None = None
    places_url: str = ""
    funnel: list[FunnelStep] = field(default_factory=list)

    @property
    def places_percent(self) -> int:
        if not self.capacity:
            return 0
        return min(100, round(100 * self.places_taken / self.capacity))


@dataclass
class CohortFigures:
    key: str
    title: str
    is_open: bool
    capacity: int | None
    roles: list[RoleFigures]


def _funnel(state_counts: dict[str, int], total: int) -> list[FunnelStep]:
    """Received → in review or later → decided → accepted, each as a share of received."""
    steps = (
        (_("Received"), total),
        (_("Reviewed or in review"), total - state_counts.get(SUBMITTED, 0)),
        (_("Decided"), sum(state_counts.get(s, 0) for s in DECIDED_STATES)),
        (_("Accepted"), sum(state_counts.get(s, 0) for s in PLACE_TAKING_STATES)),
    )
    return [
        FunnelStep(str(label), count, round(100 * count / total) if total else 0)
        for label, count in steps
    ]


def _cohort_pages(keys: set | None) -> dict[str, CohortPage]:
    """One page per cohort: the copy in the admin's language, else the default locale's."""
    pages = CohortPage.objects.select_related("locale")
    if keys is not None:
        pages = pages.filter(translation_key__in=keys)
    language = (translation.get_language() or "").split("-")[0]
    default = Locale.get_default().language_code
    chosen: dict[str, CohortPage] = {}
    for page in pages:
        key = str(page.translation_key)
        rank = {language: 0, default: 1}.get(page.locale.language_code, 2)
        if key not in chosen or rank < chosen[key]._rank:
            page._rank = rank
            chosen[key] = page
    return chosen


def intake(user: Any) -> list[CohortFigures]:
    """The dashboard's figures for ``user`` (only the cohorts and applications they may see)."""
    if not is_coordinator(user):
        return []
    visible = with_review_counts(applications_visible_to(user).order_by())
    rows = visible.values("cohort__translation_key", "role", "state").annotate(
        n=Count("pk"),
        **{queue: Count("pk", filter=queue_condition(queue)) for queue in QUEUE_ORDER},
    )
    by_cohort: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        by_cohort[str(row["cohort__translation_key"])][row["role"]].append(row)

    scope = coordinated_cohort_keys(user)
    pages = _cohort_pages(None if scope is None else {str(k) for k in scope})
    now = timezone.now()
    cohorts = []
    for key, page in pages.items():
        roles_rows = by_cohort.get(key, {})
        is_open = page.is_open_for_applications(now)
        if not roles_rows and not is_open:
            continue
        roles = []
        for role, role_label in Application.Role.choices:
            figures = RoleFigures(role, str(role_label), capacity=page.capacity)
            counts = {row["state"]: row["n"] for row in roles_rows.get(role, [])}
            figures.total = sum(counts.values())
            base = {"cohort": key, "role": role}
            figures.states = [
                Figure(str(state.label), counts[state.key], listing_url(**base, state=state.key))
                for state in APPLICATION.states
                if counts.get(state.key)
            ]
            figures.queues = [
                Figure(
                    str(QUEUE_LABELS[queue]),
                    sum(row[queue] for row in roles_rows.get(role, [])),
                    listing_url(**base, queue=queue),
                    queue,
                )
                for queue in QUEUE_ORDER
            ]
            figures.places_taken = sum(counts.get(s, 0) for s in PLACE_TAKING_STATES)
            figures.places_url = listing_url(**base, queue=PLACES_TAKEN)
            figures.funnel = _funnel(counts, figures.total)
            roles.append(figures)
        cohorts.append(CohortFigures(key, page.title, is_open, page.capacity, roles))
    # The open intake first, then the newest cohorts.
    starts = {key: page.programme_starts_on.toordinal() for key, page in pages.items()}
    cohorts.sort(key=lambda c: (not c.is_open, -starts[c.key]))
    return cohorts


@dataclass
class ReviewerFigures:
    open: int
    overdue: int
    submitted: int
    url: str


def reviewer_figures(user: Any) -> ReviewerFigures | None:
    """A reviewer's own queue: open reviews, overdue ones, submitted ones (one query)."""
    if not is_reviewer(user):
        return None
    today = timezone.localdate()
    counts = ReviewAssignment.objects.filter(reviewer=user).aggregate(
        open=Count("pk", filter=Q(status=ReviewAssignment.Status.ASSIGNED)),
        overdue=Count("pk", filter=Q(status=ReviewAssignment.Status.ASSIGNED, due_on__lt=today)),
        submitted=Count("pk", filter=Q(status=ReviewAssignment.Status.SUBMITTED)),
    )
    return ReviewerFigures(url=reverse("review_admin:my_reviews"), **counts)
