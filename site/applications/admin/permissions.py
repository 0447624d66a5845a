"""Who may open the applications admin, and which applications they see.

Plain functions returning ``(allowed, reason)``, plus a Wagtail permission policy built on
them: applications change state only through the workflow engine, so the admin grants
"view" and never "add", "change" or "delete".
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from wagtail.permission_policies.base import BasePermissionPolicy

from applications.models import Application
from applications.permissions import applications_visible_to
from workflows.access.cohorts import is_coordinator_of
from workflows.roles import is_coordinator, is_reviewer


def visible_applications(user: Any) -> QuerySet[Application]:
    """Every admin query starts here (:func:`applications.permissions.applications_visible_to`)."""
    return applications_visible_to(user)


def can_list_applications(user: Any) -> tuple[bool, str]:
    """Coordinators and reviewers may open the listing (what they see in it is filtered)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False, _("Please sign in.")
    if is_coordinator(user) or is_reviewer(user):
        return True, ""
    return False, _("Only coordinators and reviewers can see applications.")


def can_view_application(user: Any, application: Application) -> tuple[bool, str]:
    allowed, reason = can_list_applications(user)
    if not allowed:
        return allowed, reason
    if visible_applications(user).filter(pk=application.pk).exists():
        return True, ""
    return False, _("You can only open applications assigned to you.")


def can_see_consents(user: Any, application: Application) -> tuple[bool, str]:
    """The applicant's consent records are for coordinators of the application's cohort (and
    superusers), read-only; reviewers judge the application, not the person's privacy choices."""
    if user is not None and user.is_active and user.is_superuser:
        return True, ""
    if is_coordinator_of(user, application.cohort):
        return True, ""
    return False, _("Only the cohort's coordinators can see an applicant's consents.")


def can_export_applications(user: Any) -> tuple[bool, str]:
    """Exports contain only what the listing shows; anyone who may list may export it."""
    return can_list_applications(user)


class ApplicationPermissionPolicy(BasePermissionPolicy):
    """Read-only access for coordinators and reviewers (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(Application)

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action == "view" and can_list_applications(user)[0]

    def user_has_any_permission(self, user: Any, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model
        from django.db.models import Q

        from workflows.roles import COORDINATORS, REVIEWERS

        users = get_user_model().objects.filter(is_active=True)
        if "view" not in actions:
            return users.none()
        return users.filter(
            Q(is_superuser=True) | Q(groups__name__in=[COORDINATORS, REVIEWERS])
        ).distinct()

    def user_has_permission_for_instance(self, user: Any, action: str, instance) -> bool:
        return action == "view" and can_view_application(user, instance)[0]

    def instances_user_has_any_permission_for(self, user: Any, actions):
        if "view" not in actions or not can_list_applications(user)[0]:
            return Application.objects.none()
        return visible_applications(user)
