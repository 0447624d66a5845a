"""Who may clone a cohort and invite its mentors: its coordinators (global ones included)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workflows.access.cohorts import is_coordinator_of


def can_clone_cohort(user: Any, cohort: Any) -> tuple[bool, str]:
    """Coordinators of ``cohort`` (or of every cohort) may clone it and invite its mentors."""
    if is_coordinator_of(user, cohort):
        return True, ""
    return False, _("Only the cohort's coordinators may clone it.")
