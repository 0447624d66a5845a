"""Reminders before meetings and events, the inactivity nudge, and tandems closing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from tests.programme_life.conftest import make_event, make_tandem
from workflows.engine.actors import Actor
from workflows.lifecycles.application import ACTIVE, COMPLETED
from workflows.programme_life import meetings, tasks
from workflows.programme_life.models import EventRegistration, EventSignup, Meeting

pytestmark = pytest.mark.django_db


def log(tandem, days_ago):
    mentee = tandem.mentee_application.person
    return meetings.add_meeting(
        tandem,
        mentee,
        meetings.MeetingDetails(
            starts_at=timezone.now() - dt.timedelta(days=days_ago),
            timezone="Europe/Prague",
            duration_minutes=60,
            mode=Meeting.Mode.ONLINE,
            kind=Meeting.Kind.MEETING,
            visibility=Meeting.Visibility.PRIVATE,
        ),
        Actor(person=mentee),
    )


def test_the_inactivity_nudge_goes_once_and_only_to_inactive_tandems(run_tasks_inline):
    quiet = make_tandem()
    busy = make_tandem()
    log(quiet, days_ago=40)
    log(busy, days_ago=3)
    assert tasks.nudge_inactive_tandems() == 1
    assert tasks.nudge_inactive_tandems() == 1  # counted again, but the outbox keeps one
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(
        [quiet.mentee_application.person.email, quiet.mentor_application.person.email]
    )
    german = next(m for m in mail.outbox if m.to == [quiet.mentee_application.person.email])
    assert "Tandem" in german.subject and "Řehoř Šťastný" in german.subject


def test_a_meeting_reminder_goes_to_both_for_a_shared_meeting_once(run_tasks_inline):
    tandem = make_tandem()
    mentee = tandem.mentee_application.person
    meetings.add_meeting(
        tandem,
        mentee,
        meetings.MeetingDetails(
            starts_at=timezone.now() + dt.timedelta(hours=5),
            timezone="Europe/Berlin",
            duration_minutes=30,
            mode=Meeting.Mode.ONLINE,
            kind=Meeting.Kind.MEETING,
            visibility=Meeting.Visibility.SHARED,
        ),
        Actor(person=mentee),
    )
    tasks.send_reminders()
    tasks.send_reminders()
    assert len(mail.outbox) == 2
    czech = next(m for m in mail.outbox if m.to == [tandem.mentor_application.person.email])
    assert "Europe/Prague" in czech.body  # the mentor's own zone


def test_an_event_reminder_goes_to_registered_people_only(run_tasks_inline, tandem):
    signup = EventSignup.objects.create(event=make_event(days_ahead=0))
    signup.event.starts_at = timezone.now() + dt.timedelta(hours=3)
    signup.event.ends_at = signup.event.starts_at + dt.timedelta(hours=2)
    signup.event.save()
    mentee, mentor = tandem.mentee_application.person, tandem.mentor_application.person
    EventRegistration.objects.create(signup=signup, person=mentee, state="registered")
    EventRegistration.objects.create(signup=signup, person=mentor, state="cancelled")
    tasks.send_reminders()
    assert [m.to for m in mail.outbox] == [[mentee.email]]


def test_tandems_close_at_the_programmes_end():
    tandem = make_tandem()
    cohort = tandem.cohort
    assert tasks.close_finished_tandems() == 0
    later = cohort.programme_ends_on + dt.timedelta(days=1)
    assert tasks.close_finished_tandems(today=later) == 2
    tandem.mentee_application.refresh_from_db()
    assert tandem.mentee_application.state == COMPLETED
    assert tasks.close_finished_tandems(today=later) == 0
    assert ACTIVE != COMPLETED
