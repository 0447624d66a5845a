"""Who may see which application: the one rule every reviewer-facing query goes through.

``applications_visible_to`` is the contract the applications app (admin listing, export,
search, API) calls for every query a reviewer or coordinator can reach:

* superusers and global coordinators: every application;
* cohort coordinators (see :class:`~workflows.access.models.CohortRole`): their cohorts;
* reviewers: only applications assigned to them that they have not recused themselves from;
* anyone else: none.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from applications.models import Application
from workflows.access import cohorts
from workflows.access.cohorts import coordinated_cohort_keys
from workflows.access.groups import COORDINATORS, REVIEWERS, in_group, is_active_user
from workflows.review.models import ReviewAssignment


def is_coordinator_of(user: Any, application: Application) -> bool:
    """Whether ``user`` coordinates the cohort of ``application``."""
    return cohorts.is_coordinator_of(user, application.cohort)


def applications_visible_to(user: Any) -> QuerySet[Application]:
    """The applications ``user`` may see (see the module docstring)."""
    applications = Application.objects.all()
    if not is_active_user(user):
        return applications.none()
    if user.is_superuser:
        return applications
    if in_group(user, COORDINATORS):
        keys = coordinated_cohort_keys(user)
        coordinated = (
            applications if keys is None else applications.filter(cohort__translation_key__in=keys)
        )
    else:
        coordinated = applications.none()
    if in_group(user, REVIEWERS):
        assigned = applications.filter(
            pk__in=ReviewAssignment.objects.active().filter(reviewer=user).values("application_id")
        )
        return (coordinated | assigned).distinct()
    return coordinated


def is_assigned(user: Any, application: Application) -> bool:
    """Whether ``user`` has a review assignment for ``application`` that they did not recuse."""
    if not is_active_user(user):
        return False
    return ReviewAssignment.objects.active().filter(reviewer=user, application=application).exists()


def can_view_application(user: Any, application: Application) -> tuple[bool, str]:
    """(allowed, reason) for opening one application's detail."""
    from django.utils.translation import gettext as _

    if applications_visible_to(user).filter(pk=application.pk).exists():
        return True, ""
    return False, _("You can only open applications assigned to you.")
