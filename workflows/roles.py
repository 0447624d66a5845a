"""Roles people hold towards an object, as plain functions the state machines consult.

The role keys are identifiers; their labels (:data:`ROLE_LABELS`) travel on each Machine as
``role_labels``. Group names and membership live in :mod:`workflows.access.groups` (re-exported
here for the lifecycles' callers). Nothing here imports a domain app: the resolvers read the
objects they are given (``application.is_reviewed_by(user)``, ``match.mentee_application``).

Coordinators may be scoped to cohorts with :class:`workflows.access.models.CohortRole`: a
coordinator of cohort A holds no coordinator role towards an application of cohort B unless
they are global (no cohort roles) or superuser.

The resolvers for matches and agreements are written against the models that later issues
add; their expectations are documented on each function and tested with plain objects.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from workflows.access.cohorts import is_coordinator_of
from workflows.access.groups import (  # noqa: F401  (group names are asked for here too)
    COORDINATORS,
    EDITORS,
    GROUPS,
    REVIEWERS,
    in_group,
    is_coordinator,
    is_reviewer,
)
from workflows.engine.actors import Actor

APPLICANT = "applicant"
COORDINATOR = "coordinator"
REVIEWER = "reviewer"
MENTEE = "mentee"
MENTOR = "mentor"
SYSTEM = "system"

#: Display names of the role keys (the keys themselves are identifiers, never translated).
ROLE_LABELS = {
    APPLICANT: _("applicant"),
    COORDINATOR: _("coordinator"),
    REVIEWER: _("reviewer"),
    MENTEE: _("mentee"),
    MENTOR: _("mentor"),
    SYSTEM: _("automatically"),
}


def coordinates(user: Any, application: Any) -> bool:
    """Whether ``user`` coordinates the cohort ``application`` belongs to."""
    if user is None:
        return False
    return is_coordinator_of(user, application.cohort)


def application_roles(actor: Actor, application: Any) -> set[str]:
    """The roles ``actor`` holds towards ``application`` (an ``applications.Application``)."""
    roles: set[str] = set()
    if actor.is_system:
        roles.add(SYSTEM)
    if actor.person is not None and actor.person.pk == application.person_id:
        roles.add(APPLICANT)
    if actor.user is not None:
        if coordinates(actor.user, application):
            roles.add(COORDINATOR)
        if is_reviewer(actor.user) and application.is_reviewed_by(actor.user):
            roles.add(REVIEWER)
    return roles


def match_roles(actor: Actor, match: Any) -> set[str]:
    """The roles ``actor`` holds towards a match.

    Expects ``match.mentee_application`` and ``match.mentor_application`` (both
    ``applications.Application``). The mentee and mentor act through the portal (``actor.person``)
    or a user account linked to the same person; coordinators are those of the mentee's cohort.
    """
    roles: set[str] = set()
    if actor.is_system:
        roles.add(SYSTEM)
    mentee, mentor = match.mentee_application, match.mentor_application
    if actor.person is not None:
        if actor.person.pk == mentee.person_id:
            roles.add(MENTEE)
        if actor.person.pk == mentor.person_id:
            roles.add(MENTOR)
    if actor.user is not None and coordinates(actor.user, mentee):
        roles.add(COORDINATOR)
    return roles


def agreement_roles(actor: Actor, agreement: Any) -> set[str]:
    """The roles ``actor`` holds towards an agreement: those it holds towards its match.

    Expects ``agreement.match`` (a match as :func:`match_roles` describes).
    """
    return match_roles(actor, agreement.match)
