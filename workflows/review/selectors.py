"""Review's questions about who sees what, on top of the one visibility rule.

``applications_visible_to`` (re-exported here for review's screens) lives in
:mod:`applications.permissions`, beside the model, so that the applications admin needs
nothing from this app above it.
"""

from __future__ import annotations

from typing import Any

from applications.models import Application
from applications.permissions import applications_visible_to, can_read_application
from workflows.access import cohorts
from workflows.access.cohorts import coordinated_cohort_keys
from workflows.access.groups import is_active_user
from workflows.review.models import ReviewAssignment

__all__ = [
    "applications_visible_to",
    "can_view_application",
    "coordinated_cohort_keys",
    "is_assigned",
    "is_coordinator_of",
]


def is_coordinator_of(user: Any, application: Application) -> bool:
    """Whether ``user`` coordinates the cohort of ``application``."""
    return cohorts.is_coordinator_of(user, application.cohort)


def is_assigned(user: Any, application: Application) -> bool:
    """Whether ``user`` has a review assignment for ``application`` that they did not recuse."""
    if not is_active_user(user):
        return False
    return ReviewAssignment.objects.active().filter(reviewer=user, application=application).exists()


def can_view_application(user: Any, application: Application) -> tuple[bool, str]:
    """(allowed, reason) for a staff member opening one application's detail."""
    return can_read_application(user, None, application)
