"""Roles people hold towards an object, as plain functions the state machines consult.

Group names are identifiers (the groups are created by a migration); their display names are
translated in the admin.
"""

from __future__ import annotations

from typing import Any

from workflows.engine.actors import Actor

EDITORS = "Editors"
COORDINATORS = "Coordinators"
REVIEWERS = "Reviewers"

APPLICANT = "applicant"
COORDINATOR = "coordinator"
REVIEWER = "reviewer"
SYSTEM = "system"


def in_group(user: Any, group_name: str) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name=group_name).exists()


def is_coordinator(user: Any) -> bool:
    return in_group(user, COORDINATORS)


def is_reviewer(user: Any) -> bool:
    return in_group(user, REVIEWERS)


def application_roles(actor: Actor, application: Any) -> set[str]:
    """The roles ``actor`` holds towards ``application``."""
    roles: set[str] = set()
    if actor.is_system:
        roles.add(SYSTEM)
    if actor.person is not None and actor.person.pk == application.person_id:
        roles.add(APPLICANT)
    if actor.user is not None:
        if is_coordinator(actor.user):
            roles.add(COORDINATOR)
        if is_reviewer(actor.user) and _is_assigned_reviewer(actor.user, application):
            roles.add(REVIEWER)
    return roles


def _is_assigned_reviewer(user: Any, application: Any) -> bool:
    """Whether ``user`` has an active review assignment for ``application``."""
    try:
        from workflows.review.selectors import is_assigned
    except ImportError:  # the review app defines assignments
        return False
    return is_assigned(user, application)
