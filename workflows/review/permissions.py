"""Who may do what in review: plain functions returning (allowed, translated reason).

Views ask these before showing a button or accepting a POST; services ask them again before
changing anything (a view is not the only way in: batch actions, tasks and tests call services).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workflows.review.models import ReviewAssignment
from workflows.review.selectors import is_coordinator_of
from workflows.roles import is_reviewer

Permission = tuple[bool, str]


def can_assign(user: Any, application: Any) -> Permission:
    """Coordinators of the application's cohort assign reviewers."""
    if not is_coordinator_of(user, application):
        return False, _("Only the coordinators of this cohort can assign reviewers.")
    return True, ""


def can_be_assigned(user: Any, application: Any) -> Permission:
    """A reviewer can take an application once, and never after declaring a conflict."""
    if not is_reviewer(user):
        return False, _("This person is not a reviewer.")
    if ReviewAssignment.objects.filter(reviewer=user, application=application).exists():
        return False, _("This reviewer is already assigned (or declared a conflict of interest).")
    if application.person.email.casefold() == (user.email or "").casefold():
        return False, _("Nobody can review their own application.")
    return True, ""


def can_review(user: Any, assignment: ReviewAssignment) -> Permission:
    """Only the assigned reviewer fills in the review, once, while the assignment is open."""
    if user is None or not user.is_authenticated or assignment.reviewer_id != user.pk:
        return False, _("This review is assigned to someone else.")
    if assignment.status == ReviewAssignment.Status.RECUSED:
        return False, _("You declared a conflict of interest for this application.")
    if assignment.status == ReviewAssignment.Status.SUBMITTED:
        return False, _("You have already submitted this review.")
    return True, ""


def can_declare_conflict(user: Any, assignment: ReviewAssignment) -> Permission:
    if user is None or not user.is_authenticated or assignment.reviewer_id != user.pk:
        return False, _("This review is assigned to someone else.")
    if assignment.status != ReviewAssignment.Status.ASSIGNED:
        return False, _("This review is no longer open.")
    return True, ""


def can_see_scores(user: Any, application: Any) -> Permission:
    """Coordinators see every review and the combined score; reviewers only their own."""
    if not is_coordinator_of(user, application):
        return False, _("Only coordinators see all reviews.")
    return True, ""
