"""Tandems: confirmed matches, seen from one of their two people.

Every participant view starts here, so a tandem the signed-in person is not part of is simply
not found (404), indistinguishable from one that does not exist.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet
from django.utils import timezone

from applications.models import Application, Person
from workflows.lifecycles.application import ACCEPTED, ACTIVE, AGREEMENT, COMPLETED, MATCHED
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match

MENTEE = "mentee"
MENTOR = "mentor"

#: Application states of people taking part in a programme year (may register for events).
PARTICIPATING = (ACCEPTED, MATCHED, AGREEMENT, ACTIVE)


def tandems_of(person: Person) -> QuerySet[Match]:
    """The person's tandems (confirmed matches), newest cohort first."""
    return (
        Match.objects.filter(state=CONFIRMED)
        .filter(Q(mentee_application__person=person) | Q(mentor_application__person=person))
        .select_related(
            "cohort",
            "mentee_application__person",
            "mentor_application__person",
            "mentee_application__profile__institution",
            "mentor_application__profile__institution",
        )
        .order_by("-cohort__programme_starts_on", "pk")
    )


def role_in(match: Match, person: Person) -> str | None:
    if match.mentee_application.person_id == person.pk:
        return MENTEE
    if match.mentor_application.person_id == person.pk:
        return MENTOR
    return None


def partner_application(match: Match, person: Person) -> Application:
    """The other side's application (``person`` must be part of ``match``)."""
    if role_in(match, person) == MENTEE:
        return match.mentor_application
    return match.mentee_application


def is_closed(match: Match, today: date | None = None) -> bool:
    """A tandem closes at its cohort's programme end (or when its mentee's year completed)."""
    today = today or timezone.localdate()
    return match.mentee_application.state == COMPLETED or match.cohort.programme_ends_on < today


def is_participant(person: Person) -> bool:
    """Whether ``person`` takes part in a programme year (and may register for its events)."""
    return person.applications.filter(state__in=PARTICIPATING).exists()
