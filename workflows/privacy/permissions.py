"""Who may export or erase whose data: plain functions returning (allowed, reason)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from applications.models import Application, Person
from workflows.access.cohorts import coordinated_cohort_keys, is_global_coordinator
from workflows.access.groups import is_coordinator


def can_export_person(user: Any, person: Person) -> tuple[bool, str]:
    """Coordinators of all cohorts export anyone; a cohort's coordinator exports only people
    with an application in a cohort they coordinate."""
    if not is_coordinator(user) and not getattr(user, "is_superuser", False):
        return False, _("Only coordinators export a person's data.")
    keys = coordinated_cohort_keys(user)
    if keys is None:
        return True, ""
    if Application.objects.filter(person=person, cohort__translation_key__in=keys).exists():
        return True, ""
    return False, _("This person has no application in a cohort you coordinate.")


def can_erase(user: Any) -> tuple[bool, str]:
    """Erasure cannot be undone and reaches every cohort: coordinators of all cohorts and
    administrators only."""
    if getattr(user, "is_superuser", False) or is_global_coordinator(user):
        return True, ""
    return False, _("Only coordinators of all cohorts and administrators erase a person.")


def can_see_retention(user: Any) -> tuple[bool, str]:
    if getattr(user, "is_superuser", False) or is_coordinator(user):
        return True, ""
    return False, _("Only coordinators see the retention report.")
