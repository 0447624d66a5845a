"""What a signed-in applicant may do with an application: plain (allowed, reason) functions.

They ask the application lifecycle (:func:`workflows.engine.engine.check_transition`), so the
portal never duplicates the state rules; ownership is checked first, and its refusal says
nothing about the application.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from applications.models import Application, Person
from workflows.engine.actors import Actor
from workflows.engine.engine import check_transition
from workflows.lifecycles.application import APPLICATION, CHANGES_REQUESTED


def can_view(person: Person | None, application: Application) -> tuple[bool, str]:
    if person is None or application.person_id != person.pk:
        return False, _("This application is not yours.")
    return True, ""


def can_withdraw(person: Person | None, application: Application) -> tuple[bool, str]:
    allowed, reason = can_view(person, application)
    if not allowed:
        return allowed, reason
    check = check_transition(APPLICATION, application, "withdraw", Actor(person=person))
    return check.allowed, check.reason


def can_amend(person: Person | None, application: Application) -> tuple[bool, str]:
    allowed, reason = can_view(person, application)
    if not allowed:
        return allowed, reason
    if application.state != CHANGES_REQUESTED:
        return False, _("You can change your application only when we ask you to.")
    check = check_transition(APPLICATION, application, "amend", Actor(person=person))
    return check.allowed, check.reason
