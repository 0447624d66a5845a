"""A participant's personal iCal feed: their tandem meetings and their registered events.

The feed's URL carries a secret (:class:`CalendarFeed.token`); renewing it makes the old URL
stop working at once. Titles are in the person's language, times in each item's own zone.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from applications.models import Person
from workflows.programme_life import tandems
from workflows.programme_life.lifecycle import CANCELLED
from workflows.programme_life.models import CalendarFeed, EventRegistration, Meeting
from workflows.programme_life.registrations import event_in_language


def feed_for(person: Person) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed


def renew(person: Person) -> CalendarFeed:
    """A new secret for the person's feed; the old URL answers 404 from now on."""
    feed = feed_for(person)
    feed.token = CalendarFeed._meta.get_field("token").default()
    feed.save(update_fields=["token", "renewed_at"])
    return feed


def build_calendar(person: Person) -> Calendar:
    language = person.preferred_language or "en"
    calendar = Calendar()
    calendar.add("prodid", "-//careerSTEPS//personal//EN")
    calendar.add("version", "2.0")
    with translation.override(language):
        calendar.add("x-wr-calname", _("careerSTEPS – my programme"))
        for meeting in _meetings(person):
            calendar.add_component(_meeting_event(meeting, person))
        for registration in _registrations(person):
            calendar.add_component(_registration_event(registration, language))
    calendar.add_missing_timezones()
    return calendar


def _meetings(person: Person):
    matches = list(tandems.tandems_of(person))
    return (
        Meeting.objects.filter(match__in=matches)
        .filter(Q(author=person) | Q(visibility=Meeting.Visibility.SHARED))
        .exclude(state=CANCELLED)
        .select_related(
            "institution",
            "match__mentee_application__person",
            "match__mentor_application__person",
        )
    )


def _registrations(person: Person):
    return EventRegistration.objects.filter(
        person=person, state=EventRegistration.State.REGISTERED
    ).select_related("signup__event")


def _meeting_event(meeting: Meeting, person: Person) -> Event:
    partner = tandems.partner_application(meeting.match, person).person
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@careersteps")
    event.add(
        "summary",
        _("%(kind)s with %(partner)s") % {"kind": meeting.get_kind_display(), "partner": partner},
    )
    event.add("dtstart", meeting.local_starts_at)
    event.add("dtend", timezone.localtime(meeting.ends_at, meeting.local_starts_at.tzinfo))
    event.add("dtstamp", meeting.created_at)
    location = meeting.place or (str(meeting.institution) if meeting.institution else "")
    if meeting.mode == Meeting.Mode.ONLINE:
        location = str(Meeting.Mode.ONLINE.label)
    if location:
        event.add("location", location)
    return event


def _registration_event(registration: EventRegistration, language: str) -> Event:
    page = event_in_language(registration.signup.event, language)
    event = Event()
    event.add("uid", f"event-{page.translation_key}@careersteps")
    event.add("summary", page.title)
    event.add("dtstart", page.local_starts_at)
    event.add("dtend", page.local_ends_at)
    event.add("dtstamp", registration.updated_at)
    location = ", ".join(part for part in (page.venue, page.address) if part)
    if location:
        event.add("location", location)
    url = page.get_full_url()
    if url:
        event.add("url", url)
    return event
