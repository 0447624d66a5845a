"""The personal iCal feed: the person's meetings and events, a secret URL that can be renewed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.programme_life.conftest import make_event, portal_client
from workflows.engine.actors import Actor
from workflows.programme_life import calendar, meetings
from workflows.programme_life.models import EventRegistration, EventSignup, Meeting

pytestmark = pytest.mark.django_db


def plan(tandem, author, days, visibility=Meeting.Visibility.SHARED):
    return meetings.add_meeting(
        tandem,
        author,
        meetings.MeetingDetails(
            starts_at=timezone.now() + dt.timedelta(days=days),
            timezone="Europe/Berlin",
            duration_minutes=60,
            mode=Meeting.Mode.ONLINE,
            kind=Meeting.Kind.MEETING,
            visibility=visibility,
        ),
        Actor(person=author),
    )


def test_the_feed_parses_and_holds_shared_meetings_and_registered_events(client, tandem):
    mentee, mentor = tandem.mentee_application.person, tandem.mentor_application.person
    plan(tandem, mentee, 3)
    plan(tandem, mentee, 4, Meeting.Visibility.PRIVATE)
    signup = EventSignup.objects.create(event=make_event(title="Lab day"))
    EventRegistration.objects.create(
        signup=signup, person=mentor, state=EventRegistration.State.REGISTERED
    )
    feed = calendar.feed_for(mentor)
    response = client.get(f"/calendar/{feed.token}.ics")
    assert response.status_code == 200
    parsed = Calendar.from_ical(response.content)
    summaries = [str(e["summary"]) for e in parsed.walk("VEVENT")]
    assert len(summaries) == 2  # the shared meeting and the event, not the private one
    assert "Lab day" in summaries
    # Czech for the mentor (preferred language cs).
    assert any(mentee.full_name in s and s != "Lab day" for s in summaries)
    assert parsed.walk("VTIMEZONE"), "times carry their zone"


def test_an_old_feed_url_stops_working_after_renewal(client, tandem):
    mentee = tandem.mentee_application.person
    old = calendar.feed_for(mentee).token
    portal_client(client, mentee).post("/en/portal/calendar/")
    new = calendar.feed_for(mentee).token
    assert new != old
    assert client.get(f"/calendar/{old}.ics").status_code == 404
    assert client.get(f"/calendar/{new}.ics").status_code == 200


def test_an_unknown_token_is_404(client, db):
    assert client.get("/calendar/not-a-token.ics").status_code == 404
