"""Review: the reviewer's queue and review page, the coordinator's decisions listing and
application review screen: query counts that do not grow with the rows (issue 12)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import UserFactory
from tests.performance.conftest import assert_flat, client_for, queries_of
from workflows.review.models import Criterion, Rubric
from workflows.roles import REVIEWERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def rubric(db):
    rubric = Rubric(name="Mentee rubric", role="mentee", locale=Locale.get_default())
    rubric.save()
    add_criteria(rubric, 2)
    return rubric


def add_criteria(rubric, count: int) -> None:
    start = rubric.criteria.count()
    for number in range(start, start + count):
        Criterion.objects.create(
            rubric=rubric,
            label=f"Criterion {number}",
            help_text="3: Meets what we need.",
            weight=Decimal("1"),
            locale=rubric.locale,
            sort_order=number,
        )


def queue(rows, cohort, other_cohort, reviewer, count: int) -> None:
    """Open, submitted and recused assignments of ``reviewer`` in two cohorts."""
    from workflows.review.models import ReviewAssignment

    for _ in range(count):
        rows.application(cohort, state="in_review", reviewers=[reviewer])
        rows.application(cohort, state="in_review", reviewed=[reviewer])
        recused = rows.application(other_cohort, state="in_review", reviewers=[reviewer])
        ReviewAssignment.objects.filter(application=recused, reviewer=reviewer).update(
            status=ReviewAssignment.Status.RECUSED
        )


def test_the_reviewers_queue_does_not_grow(rows, cohort, other_cohort, reviewer, rubric):
    client = client_for(reviewer)
    queue(rows, cohort, other_cohort, reviewer, 1)
    assert_flat(
        lambda: queries_of(client, reverse("review_admin:my_reviews")),
        lambda: queue(rows, cohort, other_cohort, reviewer, 3),
    )


def test_the_review_page_does_not_grow_with_criteria_or_other_reviews(
    rows, cohort, reviewer, rubric
):
    application = rows.application(cohort, state="in_review", reviewers=[reviewer])
    assignment = application.review_assignments.get(reviewer=reviewer)
    client = client_for(reviewer)
    url = reverse("review_admin:review", args=[assignment.pk])

    def grow():
        add_criteria(rubric, 4)
        for _ in range(3):
            rows.assign(application, UserFactory(groups=[REVIEWERS]), submitted=True)
        rows.queued = rows.many(3, cohort, state="in_review", reviewers=[reviewer])

    assert_flat(lambda: queries_of(client, url), grow)


@pytest.mark.parametrize("scope", ["global_coordinator", "cohort_coordinator"])
def test_the_decisions_listing_does_not_grow(
    request, rows, cohort, other_cohort, reviewer, rubric, scope
):
    client = client_for(request.getfixturevalue(scope))

    def pending(count: int) -> None:
        for _ in range(count):
            rows.application(cohort, state="in_review", reviewed=[reviewer])
            rows.application(cohort, state="in_review", reviewers=[reviewer])
            rows.application(cohort, role="mentor", state="waitlisted", reviewed=[reviewer])
            rows.application(other_cohort, state="in_review", reviewed=[reviewer])

    pending(1)
    assert_flat(lambda: queries_of(client, reverse("review_admin:decisions")), lambda: pending(3))


def test_the_application_review_screen_does_not_grow(
    rows, cohort, reviewer, rubric, global_coordinator
):
    application = rows.application(cohort, state="in_review", reviewed=[reviewer])
    client = client_for(global_coordinator)
    url = reverse("review_admin:application", args=[application.pk])

    def grow():
        for _ in range(3):
            rows.assign(application, UserFactory(groups=[REVIEWERS]), submitted=True)
            rows.assign(application, UserFactory(groups=[REVIEWERS]))
        for _ in range(4):
            UserFactory(groups=[REVIEWERS])  # a larger reviewer pool to choose from
        rows.many(3, cohort, state="in_review", reviewers=[reviewer])

    assert_flat(lambda: queries_of(client, url), grow)
