"""Cohort scope: which cohorts a coordinator coordinates, and who may grant cohort roles.

A cohort is anything with a ``translation_key`` (a ``cohorts.CohortPage`` in any language):
the cs/de/en copies of one cohort are the same cohort. Superusers and Coordinators-group
members without a coordinator :class:`~workflows.access.models.CohortRole` are *global*.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workflows.access.groups import COORDINATORS, in_group, is_active_user
from workflows.access.models import CohortRole


def coordinated_cohort_keys(user: Any) -> set | None:
    """The translation keys of the cohorts ``user`` coordinates; ``None`` means all cohorts
    (superuser or global coordinator); an empty set means none. Read once per user object."""
    if not is_active_user(user):
        return set()
    if user.is_superuser:
        return None
    if not in_group(user, COORDINATORS):
        return set()
    cached = getattr(user, "_careersteps_cohort_keys", False)
    if cached is not False:
        return None if cached is None else set(cached)
    keys = set(
        CohortRole.objects.filter(user=user, role=CohortRole.Role.COORDINATOR).values_list(
            "cohort__translation_key", flat=True
        )
    )
    result = keys or None
    user._careersteps_cohort_keys = None if result is None else frozenset(result)
    return result


def is_coordinator_of(user: Any, cohort: Any) -> bool:
    """Whether ``user`` coordinates ``cohort`` (anything with a ``translation_key``)."""
    if not in_group(user, COORDINATORS):
        return False
    keys = coordinated_cohort_keys(user)
    return keys is None or getattr(cohort, "translation_key", None) in keys


def is_global_coordinator(user: Any) -> bool:
    """A superuser, or a coordinator without any cohort restriction."""
    return in_group(user, COORDINATORS) and coordinated_cohort_keys(user) is None


def can_grant_cohort_roles(user: Any) -> tuple[bool, str]:
    """Only global coordinators and superusers add, change or delete cohort roles: a one-cohort
    coordinator could otherwise give themselves another cohort, or become global by deleting
    their own last role."""
    if is_global_coordinator(user):
        return True, ""
    return False, _("Only coordinators of all cohorts can grant cohort roles.")
