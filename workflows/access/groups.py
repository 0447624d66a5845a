"""The staff groups by name, and membership: the bottom answer to "who is this person?".

Group names are identifiers (created by review's data migration), never translated strings;
the admin shows translated display names. Superusers count as members of every group.
"""

from __future__ import annotations

from typing import Any

EDITORS = "Editors"
COORDINATORS = "Coordinators"
REVIEWERS = "Reviewers"
GROUPS = (EDITORS, COORDINATORS, REVIEWERS)


def is_active_user(user: Any) -> bool:
    """Signed in and not deactivated."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def group_names(user: Any) -> frozenset[str]:
    """The user's group names, read once per user object (one query per request)."""
    cached = getattr(user, "_careersteps_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._careersteps_group_names = cached  # like Django's own _perm_cache
    return cached


def in_group(user: Any, name: str) -> bool:
    """Whether ``user`` is an active member of group ``name`` (superusers always are)."""
    if not is_active_user(user):
        return False
    if user.is_superuser:
        return True
    return name in group_names(user)


def is_coordinator(user: Any) -> bool:
    """Coordinator of at least one cohort (or globally): may open the coordinator screens."""
    return in_group(user, COORDINATORS)


def is_reviewer(user: Any) -> bool:
    return in_group(user, REVIEWERS)


def is_editor(user: Any) -> bool:
    return in_group(user, EDITORS)
