"""Who may open a cohort's matching screen: its coordinators (``workflows.access``), as
``(allowed, reason)``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workflows.access.cohorts import is_coordinator_of
from workflows.access.groups import COORDINATORS, in_group


def is_coordinator(user: Any) -> bool:
    """A member of the Coordinators group (of any cohort), or a superuser."""
    return in_group(user, COORDINATORS)


def can_match(user: Any, cohort: Any) -> tuple[bool, str]:
    if is_coordinator_of(user, cohort):
        return True, ""
    return False, _("Only the coordinators of this cohort can match its participants.")


def matchable_cohorts(user: Any) -> list[Any]:
    """Cohorts with applications that ``user`` coordinates, newest programme first."""
    from cohorts.models import CohortPage

    cohorts = (
        CohortPage.objects.filter(applications__isnull=False)
        .distinct()
        .order_by("-programme_starts_on")
    )
    return [cohort for cohort in cohorts if can_match(user, cohort)[0]]
