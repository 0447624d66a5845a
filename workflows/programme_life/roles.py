"""Who someone is towards a meeting: its author, the partner it is shared with, or staff."""

from __future__ import annotations

from typing import Any

from workflows.engine.actors import Actor

AUTHOR = "author"
PARTNER = "partner"
COORDINATOR = "coordinator"
SYSTEM = "system"


def meeting_roles(actor: Actor, meeting: Any) -> set[str]:
    """The roles ``actor`` holds towards ``meeting`` (a :class:`Meeting`).

    The partner holds a role only when the meeting is shared: a private note is its author's.
    """
    from workflows.access.cohorts import is_coordinator_of

    roles: set[str] = set()
    if actor.is_system:
        roles.add(SYSTEM)
    if actor.person is not None:
        if actor.person.pk == meeting.author_id:
            roles.add(AUTHOR)
        elif meeting.is_shared and actor.person.pk in meeting.match_person_ids():
            roles.add(PARTNER)
    if actor.user is not None and is_coordinator_of(actor.user, meeting.match.cohort):
        roles.add(COORDINATOR)
    return roles
