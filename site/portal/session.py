"""Who is signed in to the applicant portal.

Applicants have no passwords: a single-use link by email signs a
:class:`~applications.models.Person` in, and the session remembers them. Every view that
serves an applicant's private data asks
:func:`get_signed_in_person` and compares it to the owner.
"""

from __future__ import annotations

from django.http import HttpRequest

from applications.models import Person

SESSION_KEY = "portal_person_id"


def sign_in(request: HttpRequest, person: Person) -> None:
    """Remember ``person`` in this session (rotating the session key against fixation)."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = person.pk


def sign_out(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


def get_signed_in_person(request: HttpRequest) -> Person | None:
    person_id = request.session.get(SESSION_KEY)
    if person_id is None:
        return None
    return Person.objects.filter(pk=person_id).first()
