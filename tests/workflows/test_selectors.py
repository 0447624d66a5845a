"""applications_visible_to / is_assigned: the one visibility rule every listing relies on."""

from __future__ import annotations

from tests.factories import ApplicationFactory, UserFactory
from workflows.access.models import CohortRole
from workflows.review.models import ReviewAssignment
from workflows.review.selectors import (
    applications_visible_to,
    can_view_application,
    is_assigned,
)
from workflows.roles import COORDINATORS, EDITORS


def test_reviewer_sees_only_assigned_not_recused(cohort, reviewer):
    assigned = ApplicationFactory(cohort=cohort)
    recused = ApplicationFactory(cohort=cohort)
    ApplicationFactory(cohort=cohort)  # someone else's
    ReviewAssignment.objects.create(application=assigned, reviewer=reviewer)
    ReviewAssignment.objects.create(
        application=recused, reviewer=reviewer, status=ReviewAssignment.Status.RECUSED
    )
    assert list(applications_visible_to(reviewer)) == [assigned]
    assert is_assigned(reviewer, assigned)
    assert not is_assigned(reviewer, recused)
    allowed, reason = can_view_application(reviewer, recused)
    assert not allowed and reason


def test_submitted_review_stays_visible_to_its_reviewer(cohort, reviewer):
    done = ApplicationFactory(cohort=cohort)
    ReviewAssignment.objects.create(
        application=done, reviewer=reviewer, status=ReviewAssignment.Status.SUBMITTED
    )
    assert list(applications_visible_to(reviewer)) == [done]


def test_global_coordinator_and_superuser_see_all(cohort, other_cohort, coordinator):
    apps = {ApplicationFactory(cohort=cohort), ApplicationFactory(cohort=other_cohort)}
    admin = UserFactory(is_superuser=True)
    assert set(applications_visible_to(coordinator)) == apps
    assert set(applications_visible_to(admin)) == apps


def test_cohort_coordinator_sees_their_cohort_only(cohort, other_cohort):
    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=cohort)
    mine = ApplicationFactory(cohort=cohort)
    ApplicationFactory(cohort=other_cohort)
    assert list(applications_visible_to(coordinator)) == [mine]


def test_others_see_nothing(cohort, editor):
    from django.contrib.auth.models import AnonymousUser

    ApplicationFactory(cohort=cohort)
    inactive = UserFactory(groups=[COORDINATORS], is_active=False)
    for user in (editor, AnonymousUser(), None, inactive, UserFactory(groups=[EDITORS])):
        assert not applications_visible_to(user).exists()
