"""Who may open a cohort's matching screen: its coordinators, as ``(allowed, reason)``.

The cohort scope is the access layer's (``workflows.access``). Until that layer is committed
(the console issue re-layers it), the same rule is read from where it lived before
(``workflows.review.selectors`` and ``workflows.roles``); remove the fallback once it has.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _


def is_coordinator(user: Any) -> bool:
    """A member of the Coordinators group (of any cohort), or a superuser."""
    try:
        from workflows.access.groups import COORDINATORS, in_group
    except ImportError:  # pragma: no cover - before the access layer lands
        from workflows.roles import COORDINATORS, in_group
    return in_group(user, COORDINATORS)


def is_coordinator_of(user: Any, cohort: Any) -> bool:
    try:
        from workflows.access.cohorts import is_coordinator_of as check
    except ImportError:  # pragma: no cover - before the access layer lands
        from workflows.review.selectors import coordinated_cohort_keys

        if not is_coordinator(user):
            return False
        keys = coordinated_cohort_keys(user)
        return keys is None or cohort.translation_key in keys
    return check(user, cohort)


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
