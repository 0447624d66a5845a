"""Meeting services: log a held meeting or plan one, mark it held, cancel it.

Each is one transaction through the engine, so every meeting's history is audited like any
other state change. Which meetings a person sees is decided here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Person
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionRefused, apply_transition, record_start
from workflows.matching.models import Match
from workflows.programme_life.lifecycle import HELD, MEETING, PLANNED
from workflows.programme_life.models import Meeting


@dataclass(frozen=True)
class MeetingDetails:
    """What a participant enters for a meeting (validated by the form)."""

    starts_at: datetime  # aware
    timezone: str
    duration_minutes: int
    mode: str
    kind: str
    visibility: str
    notes: str = ""
    institution_id: int | None = None
    place: str = ""


def visible_meetings(match: Match, person: Person) -> QuerySet[Meeting]:
    """The tandem's meetings ``person`` may see: their own, and the partner's shared ones."""
    return (
        match.meetings.filter(Q(author=person) | Q(visibility=Meeting.Visibility.SHARED))
        .select_related("author", "institution", "event")
        .order_by("-starts_at", "-pk")
    )


def _create(match: Match, author: Person, details: MeetingDetails, **extra) -> Meeting:
    return Meeting.objects.create(
        match=match,
        author=author,
        starts_at=details.starts_at,
        timezone=details.timezone,
        duration_minutes=details.duration_minutes,
        mode=details.mode,
        kind=details.kind,
        visibility=details.visibility,
        notes=details.notes,
        institution_id=details.institution_id,
        place=details.place,
        **extra,
    )


def add_meeting(
    match: Match, author: Person, details: MeetingDetails, actor: Actor, *, now=None
) -> Meeting:
    """Plan a future meeting, or log a past one as held, in one transaction.

    A meeting in the past is never "planned": it is recorded planned and held at its own
    time, so the history reads as it happened.
    """
    now = now or timezone.now()
    with transaction.atomic():
        meeting = _create(match, author, details)
        if details.starts_at > now:
            record_start(MEETING, meeting, actor)
        else:
            record_start(MEETING, meeting, actor, occurred_at=details.starts_at)
            apply_transition(MEETING, meeting, "mark_held", actor, occurred_at=now)
    return meeting


def mark_held(meeting: Meeting, actor: Actor, *, now=None) -> None:
    """A planned meeting took place (not before it started)."""
    now = now or timezone.now()
    if meeting.starts_at > now:
        raise TransitionRefused(_("A meeting can only be marked as held once it has started."))
    apply_transition(MEETING, meeting, "mark_held", actor)


def cancel(meeting: Meeting, actor: Actor) -> None:
    apply_transition(MEETING, meeting, "cancel", actor)


def record_event_attendance(match: Match, person: Person, event, *, occurred_at=None) -> Meeting:
    """The tandem's log shows an attended programme event once (idempotent)."""
    existing = Meeting.objects.filter(match=match, event=event).first()
    if existing is not None:
        return existing
    kind = {
        "workshop": Meeting.Kind.WORKSHOP,
        "conference": Meeting.Kind.CONFERENCE,
        "lab_visit": Meeting.Kind.LAB_VISIT,
        "company_visit": Meeting.Kind.COMPANY_VISIT,
        "doctoral_meeting": Meeting.Kind.DOCTORAL_MEETING,
    }.get(event.event_type, Meeting.Kind.MEETING)  # a programme meeting
    if event.is_online:
        mode, institution_id = Meeting.Mode.ONLINE, None
    elif event.institution_id:
        mode, institution_id = Meeting.Mode.IN_PERSON, event.institution_id
    else:
        mode, institution_id = Meeting.Mode.ELSEWHERE, None
    details = MeetingDetails(
        starts_at=event.starts_at,
        timezone=event.timezone,
        duration_minutes=max(1, int((event.ends_at - event.starts_at).total_seconds() // 60)),
        mode=mode,
        kind=kind,
        visibility=Meeting.Visibility.SHARED,
        institution_id=institution_id,
        place=event.venue[:200],
    )
    actor = Actor.system()
    with transaction.atomic():
        meeting = _create(match, person, details, event=event)
        record_start(MEETING, meeting, actor, occurred_at=event.starts_at)
        apply_transition(MEETING, meeting, "mark_held", actor, occurred_at=occurred_at)
    return meeting


def last_activity(match: Match) -> datetime | None:
    """When the tandem last met (a held meeting, shared or private), if ever."""
    return (
        match.meetings.filter(state=HELD).order_by("-starts_at").values_list("starts_at", flat=True)
    ).first()


def upcoming(match: Match, person: Person, now=None) -> QuerySet[Meeting]:
    now = now or timezone.now()
    return visible_meetings(match, person).filter(state=PLANNED, starts_at__gte=now)
