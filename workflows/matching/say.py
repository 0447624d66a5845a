"""Participants' say before a run (optional per cohort): mentees rank up to five anonymised
mentor profiles or veto some; mentors lower their capacity or exclude topics.

Anonymised: a mentor is shown as "Profile A, B, …" with fields, interests, languages, meeting
preference and availability (in the mentee's time zone), never a name, institution or
department. Each save is one transaction that replaces the person's previous say.
"""

from __future__ import annotations

import string
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import Application
from workflows.engine.engine import TransitionRefused
from workflows.lifecycles.application import ACCEPTED, MATCHED
from workflows.matching.inputs import settings_for
from workflows.matching.models import MenteeRanking, MentorPreference

MAX_RANKED = 5


def say_allowed(application: Application) -> tuple[bool, str]:
    if application.state != ACCEPTED:
        return False, _("You can give your preferences once your application is accepted.")
    if not settings_for(application.cohort).participants_say:
        return False, _("In this cohort the coordinators match without preferences.")
    return True, ""


def anonymised_mentors(mentee: Application) -> list[dict[str, Any]]:
    """The cohort's mentors as labelled, name-free profiles (stable order: by application)."""
    mentors = (
        Application.objects.filter(
            cohort=mentee.cohort, role="mentor", state__in=(ACCEPTED, MATCHED)
        )
        .select_related("profile")
        .prefetch_related("languages", "availability", "profile__disciplines")
        .order_by("pk")
    )
    labels = _labels()
    return [
        {
            "application": mentor,
            "label": _("Profile %(letter)s") % {"letter": next(labels)},
            "disciplines": [d.name for d in mentor.profile.disciplines.all()],
            "interests": list(mentor.profile.research_interests or []),
            "languages": list(mentor.languages.all()),
            "meeting": mentor.profile.get_meeting_preference_display(),
        }
        for mentor in mentors
        if hasattr(mentor, "profile")
    ]


def _labels():
    yield from string.ascii_uppercase
    number = 27
    while True:
        yield str(number)
        number += 1


def save_rankings(mentee: Application, ranks: dict[int, int], vetoes: set[int]) -> None:
    """Replace the mentee's ranking: ``ranks`` mentor application id → 1..5 (each rank once,
    at most five), ``vetoes`` mentor ids never to pair with. Raises ``TransitionRefused``."""
    allowed, reason = say_allowed(mentee)
    if not allowed:
        raise TransitionRefused(reason)
    if len(ranks) > MAX_RANKED or len(set(ranks.values())) != len(ranks):
        raise TransitionRefused(_("Rank at most five profiles, each rank once."))
    if any(not 1 <= rank <= MAX_RANKED for rank in ranks.values()):
        raise TransitionRefused(_("Ranks go from 1 (best) to 5."))
    if set(ranks) & vetoes:
        raise TransitionRefused(_("A profile cannot be both ranked and vetoed."))
    valid = {item["application"].pk for item in anonymised_mentors(mentee)}
    if not (set(ranks) | vetoes) <= valid:
        raise TransitionRefused(_("Choose among the profiles shown."))
    with transaction.atomic():
        MenteeRanking.objects.filter(mentee_application=mentee).delete()
        MenteeRanking.objects.bulk_create(
            [
                MenteeRanking(mentee_application=mentee, mentor_application_id=m, rank=r)
                for m, r in ranks.items()
            ]
            + [
                MenteeRanking(mentee_application=mentee, mentor_application_id=m, veto=True)
                for m in vetoes
            ]
        )


def save_mentor_preference(mentor: Application, capacity: int, topics: list[str]) -> None:
    """A mentor lowers their capacity (1 to what they applied with) or excludes topics."""
    allowed, reason = say_allowed(mentor)
    if not allowed:
        raise TransitionRefused(reason)
    applied = mentor.profile.capacity or 1
    if not 1 <= capacity <= applied:
        raise TransitionRefused(
            _("Your capacity can be lowered to between 1 and %(applied)s.") % {"applied": applied}
        )
    cleaned = sorted({t.strip().lower() for t in topics if t.strip()})[:20]
    MentorPreference.objects.update_or_create(
        application=mentor, defaults={"capacity": capacity, "excluded_topics": cleaned}
    )
