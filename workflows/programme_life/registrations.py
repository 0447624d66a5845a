"""Event registrations: places, a waiting list that moves up by itself, attendance.

Capacity holds under concurrency: every change first takes the event's write lock (an UPDATE
of its :class:`EventSignup` row: a row lock on PostgreSQL, the database write lock on SQLite),
then counts. Two people registering for the last place at once get one place and one queue
position, never two places.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Person
from events.models import EventPage
from workflows.notifications.services import queue_email
from workflows.programme_life import meetings, tandems
from workflows.programme_life.models import EventRegistration, EventSignup

Registered = EventRegistration.State


class RegistrationRefused(Exception):
    """The registration was not possible; ``reason`` is translated, for people."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def event_in_language(event_page, language: str):
    """The event page's translation in ``language`` (the page itself when there is none)."""
    translated = (
        EventPage.objects.live()
        .filter(translation_key=event_page.translation_key, locale__language_code=language)
        .first()
    )
    return translated or event_page


def signup_for(event_page) -> EventSignup | None:
    """The event's registration settings, if it takes registrations."""
    return (
        EventSignup.objects.filter(event__translation_key=event_page.translation_key)
        .select_related("event")
        .first()
    )


def _lock(signup: EventSignup) -> EventSignup:
    EventSignup.objects.filter(pk=signup.pk).update(is_open=F("is_open"))
    return EventSignup.objects.get(pk=signup.pk)


def places_taken(signup: EventSignup) -> int:
    return signup.registrations.filter(state=Registered.REGISTERED).count()


def register(signup: EventSignup, person: Person, *, now=None) -> EventRegistration:
    """A place, or a place in the queue when the event is full (one transaction)."""
    now = now or timezone.now()
    if not tandems.is_participant(person):
        raise RegistrationRefused(_("Programme events are open to the programme's participants."))
    with transaction.atomic():
        signup = _lock(signup)
        if not signup.is_open or signup.event.starts_at <= now:
            raise RegistrationRefused(_("Registration for this event is closed."))
        registration = EventRegistration.objects.filter(signup=signup, person=person).first()
        if registration is not None and registration.state != Registered.CANCELLED:
            return registration
        full = signup.capacity is not None and places_taken(signup) >= signup.capacity
        state = Registered.WAITLISTED if full else Registered.REGISTERED
        if registration is None:
            registration = EventRegistration.objects.create(
                signup=signup, person=person, state=state, queued_at=now
            )
        else:  # registering again after cancelling: to the end of the queue
            registration.state, registration.queued_at = state, now
            registration.save(update_fields=["state", "queued_at", "updated_at"])
    return registration


def cancel(registration: EventRegistration) -> EventRegistration | None:
    """Give up a place (or a queue position); the first in the queue moves up and is told.

    Returns the registration that moved up, if any.
    """
    with transaction.atomic():
        signup = _lock(registration.signup)
        registration.refresh_from_db()
        if registration.state == Registered.CANCELLED:
            return None
        had_place = registration.state == Registered.REGISTERED
        registration.state = Registered.CANCELLED
        registration.save(update_fields=["state", "updated_at"])
        if not had_place:
            return None
        return _move_up(signup)


def _move_up(signup: EventSignup) -> EventRegistration | None:
    if signup.capacity is not None and places_taken(signup) >= signup.capacity:
        return None
    first = (
        signup.registrations.filter(state=Registered.WAITLISTED)
        .select_related("person")
        .order_by("queued_at", "pk")
        .first()
    )
    if first is None:
        return None
    first.state = Registered.REGISTERED
    first.save(update_fields=["state", "updated_at"])
    person = first.person
    event = event_in_language(signup.event, person.preferred_language)
    queue_email(
        key=f"event-registration:{first.pk}:moved-up:{first.updated_at:%Y%m%d%H%M%S%f}",
        to=person.email,
        language=person.preferred_language,
        template="programme_event_moved_up",
        context={
            "name": person.full_name,
            "event_title": event.title,
            "event_url": event.get_full_url() or "",
            # Naive wall-clock time of the event's own zone (templates would convert aware ones).
            "starts_at": timezone.make_naive(event.starts_at, event.tzinfo),
        },
    )
    return first


def mark_attendance(registration: EventRegistration, attended: bool, *, occurred_at=None) -> None:
    """A coordinator marks attendance; an attended event enters the person's tandem logs.

    ``occurred_at`` dates the log entry's history for replays (the demo); None means now.
    """
    with transaction.atomic():
        registration.attended = attended
        registration.save(update_fields=["attended", "updated_at"])
        if attended:
            for match in tandems.tandems_of(registration.person):
                if match.cohort.programme_starts_on <= registration.signup.event.starts_at.date():
                    meetings.record_event_attendance(
                        match,
                        registration.person,
                        registration.signup.event,
                        occurred_at=occurred_at,
                    )
