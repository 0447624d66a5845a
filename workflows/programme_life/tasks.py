"""Scheduled tasks of the programme year (django-q2 schedules, see :mod:`.schedules`).

Each is safe to run twice and at any frequency: every email is keyed in the outbox, so a
reminder or a nudge goes out once however often the schedule fires.
"""

from __future__ import annotations

import zoneinfo
from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from applications.models import Application, Person
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError, apply_transition
from workflows.lifecycles.application import ACTIVE, APPLICATION
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match
from workflows.notifications.services import queue_email
from workflows.programme_life import meetings, tandems
from workflows.programme_life.lifecycle import PLANNED
from workflows.programme_life.models import EventRegistration, Meeting, ProgrammeSettings
from workflows.programme_life.registrations import event_in_language

REMINDER_HOURS_DEFAULT = 24


def person_timezone(person: Person) -> zoneinfo.ZoneInfo:
    """The zone the person gave on their latest application (Prague when unknown)."""
    name = (
        Application.objects.filter(person=person, profile__isnull=False)
        .order_by("-pk")
        .values_list("profile__timezone", flat=True)
        .first()
    )
    try:
        return zoneinfo.ZoneInfo(name or "Europe/Prague")
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("Europe/Prague")


def local_time(moment: datetime, person: Person) -> dict:
    """``starts_at`` as the person's wall-clock time and ``zone`` naming it, for an email.

    Naive on purpose: the template engine would convert an aware value to the server's zone.
    """
    zone = person_timezone(person)
    return {"starts_at": timezone.make_naive(moment, zone), "zone": zone.key}


def tandem_space_url(person: Person) -> str:
    """The absolute URL of the person's tandem space, in their language."""
    with translation.override(person.preferred_language or "en"):
        return settings.SITE_URL + reverse("programme_life:tandems")


def _email(person: Person, key: str, template: str, context: dict) -> None:
    queue_email(
        key=key,
        to=person.email,
        language=person.preferred_language,
        template=template,
        context={"name": person.full_name, **context},
    )


def send_reminders(now: datetime | None = None) -> int:
    """Remind people of planned meetings and registered events starting soon. Returns the
    number of reminders queued by this run."""
    now = now or timezone.now()
    sent = 0
    horizon = now + timedelta(hours=72)
    upcoming = Meeting.objects.filter(
        state=PLANNED, starts_at__gt=now, starts_at__lte=horizon
    ).select_related(
        "match__cohort", "match__mentee_application__person", "match__mentor_application__person"
    )
    for meeting in upcoming:
        hours = ProgrammeSettings.for_cohort(meeting.match.cohort).remind_hours_before
        if meeting.starts_at > now + timedelta(hours=hours):
            continue
        people = [meeting.author]
        if meeting.is_shared:
            people = [
                meeting.match.mentee_application.person,
                meeting.match.mentor_application.person,
            ]
        for person in people:
            partner = tandems.partner_application(meeting.match, person).person
            with transaction.atomic():
                _email(
                    person,
                    f"meeting:{meeting.pk}:reminder:{person.pk}:{meeting.starts_at:%Y%m%d%H%M}",
                    "programme_meeting_reminder",
                    {
                        "partner": partner.full_name,
                        # A lazy label: rendered in the recipient's language by the outbox.
                        "kind": Meeting.Kind(meeting.kind).label,
                        **local_time(meeting.starts_at, person),
                        "portal_url": tandem_space_url(person),
                    },
                )
            sent += 1
    registrations = EventRegistration.objects.filter(
        state=EventRegistration.State.REGISTERED,
        signup__event__starts_at__gt=now,
        signup__event__starts_at__lte=now + timedelta(hours=REMINDER_HOURS_DEFAULT),
    ).select_related("person", "signup__event")
    for registration in registrations:
        person, event = registration.person, registration.signup.event
        page = event_in_language(event, person.preferred_language)
        with transaction.atomic():
            _email(
                person,
                f"event-registration:{registration.pk}:reminder:{event.starts_at:%Y%m%d%H%M}",
                "programme_event_reminder",
                {
                    "event_title": page.title,
                    "event_url": page.get_full_url() or "",
                    **local_time(event.starts_at, person),
                    "venue": page.venue,
                },
            )
        sent += 1
    return sent


def nudge_inactive_tandems(now: datetime | None = None) -> int:
    """One nudge per quiet spell to both people of a tandem with no meeting for N weeks.

    The outbox key names the last meeting's date (or the programme start), so a tandem that
    stays quiet is nudged once, and again only after it has met and fallen quiet again.
    """
    now = now or timezone.now()
    nudged = 0
    matches = Match.objects.filter(state=CONFIRMED).select_related(
        "cohort", "mentee_application__person", "mentor_application__person"
    )
    for match in matches:
        cohort = match.cohort
        if tandems.is_closed(match, timezone.localdate(now)):
            continue
        start = timezone.make_aware(datetime.combine(cohort.programme_starts_on, time(9)))
        if start > now:
            continue
        weeks = ProgrammeSettings.for_cohort(cohort).nudge_after_weeks
        last = meetings.last_activity(match) or start
        if now - last < timedelta(weeks=weeks):
            continue
        for application in (match.mentee_application, match.mentor_application):
            person = application.person
            partner = tandems.partner_application(match, person).person
            with transaction.atomic():
                _email(
                    person,
                    f"tandem:{match.pk}:nudge:{person.pk}:{last:%Y%m%d}",
                    "programme_tandem_nudge",
                    {
                        "partner": partner.full_name,
                        "weeks": weeks,
                        "portal_url": tandem_space_url(person),
                    },
                )
        nudged += 1
    return nudged


def close_finished_tandems(today=None) -> int:
    """Complete the programme year of everyone whose cohort's programme has ended."""
    today = today or timezone.localdate()
    closed = 0
    finished = Application.objects.filter(state=ACTIVE, cohort__programme_ends_on__lt=today)
    for application in finished:
        try:
            apply_transition(APPLICATION, application, "complete", Actor.system())
        except TransitionError:
            continue  # someone else completed it meanwhile: nothing to do
        closed += 1
    return closed
