"""Meetings: who sees them, what can be planned or logged, and their audited history."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.programme_life.conftest import make_tandem, portal_client
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionRefused
from workflows.engine.models import HistoryEntry
from workflows.programme_life import meetings
from workflows.programme_life.lifecycle import CANCELLED, HELD, PLANNED
from workflows.programme_life.models import Meeting

pytestmark = pytest.mark.django_db


def details(days: float, **overrides) -> meetings.MeetingDetails:
    values = {
        "starts_at": timezone.now() + dt.timedelta(days=days),
        "timezone": "Europe/Prague",
        "duration_minutes": 60,
        "mode": Meeting.Mode.ONLINE,
        "kind": Meeting.Kind.MEETING,
        "visibility": Meeting.Visibility.SHARED,
        "notes": "Talked about a doctorate.",
    }
    values.update(overrides)
    return meetings.MeetingDetails(**values)


def people(tandem):
    return tandem.mentee_application.person, tandem.mentor_application.person


def test_a_shared_meeting_shows_for_the_partner_and_a_private_one_does_not(tandem):
    mentee, mentor = people(tandem)
    shared = meetings.add_meeting(tandem, mentee, details(-3), Actor(person=mentee))
    private = meetings.add_meeting(
        tandem, mentee, details(-2, visibility=Meeting.Visibility.PRIVATE), Actor(person=mentee)
    )
    assert set(meetings.visible_meetings(tandem, mentor)) == {shared}
    assert set(meetings.visible_meetings(tandem, mentee)) == {shared, private}


def test_a_past_meeting_is_logged_as_held_with_its_history_dated_when_it_happened(tandem):
    mentee, _mentor = people(tandem)
    meeting = meetings.add_meeting(tandem, mentee, details(-7), Actor(person=mentee))
    assert meeting.state == HELD
    entries = list(HistoryEntry.objects.for_object(meeting).order_by("pk"))
    assert [e.to_state for e in entries] == [PLANNED, HELD]
    assert entries[0].created_at == meeting.starts_at


def test_a_future_meeting_is_planned_and_cannot_be_marked_held_before_it_starts(tandem):
    mentee, mentor = people(tandem)
    meeting = meetings.add_meeting(tandem, mentee, details(+2), Actor(person=mentee))
    assert meeting.state == PLANNED
    with pytest.raises(TransitionRefused):
        meetings.mark_held(meeting, Actor(person=mentor))


def test_the_partner_may_cancel_a_shared_meeting_but_not_a_private_one(tandem):
    mentee, mentor = people(tandem)
    shared = meetings.add_meeting(tandem, mentee, details(+2), Actor(person=mentee))
    private = meetings.add_meeting(
        tandem, mentee, details(+3, visibility=Meeting.Visibility.PRIVATE), Actor(person=mentee)
    )
    meetings.cancel(shared, Actor(person=mentor))
    assert shared.state == CANCELLED
    with pytest.raises(TransitionRefused):
        meetings.cancel(private, Actor(person=mentor))


def test_the_form_refuses_a_planned_meeting_in_the_past_at_the_date_field_and_keeps_the_input(
    client, tandem
):
    mentee, _mentor = people(tandem)
    client = portal_client(client, mentee)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    response = client.post(
        f"/en/portal/tandems/{tandem.pk}/",
        {
            "status": "planned",
            "date": yesterday.isoformat(),
            "start_time": "10:00",
            "timezone": "Europe/Berlin",
            "duration_minutes": "45",
            "kind": "meeting",
            "mode": "online",
            "visibility": "shared",
            "notes": "Kept notes ✓",
        },
    )
    assert response.status_code == 400
    assert "A planned meeting must lie in the future" in response.content.decode()
    assert response.context["form"].errors.keys() == {"date"}
    assert "Kept notes ✓" in response.content.decode()
    assert not Meeting.objects.exists()


def test_the_form_logs_a_held_meeting_in_person_at_a_partner_university(client, tandem):
    mentee, mentor = people(tandem)
    institution = tandem.mentor_application.profile.institution
    last_week = timezone.localdate() - dt.timedelta(days=7)
    response = portal_client(client, mentee).post(
        f"/en/portal/tandems/{tandem.pk}/",
        {
            "status": "held",
            "date": last_week.isoformat(),
            "start_time": "14:30",
            "timezone": "Europe/Prague",
            "duration_minutes": "90",
            "kind": "lab_visit",
            "mode": "in_person",
            "institution": str(institution.pk),
            "visibility": "shared",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.state, meeting.kind, meeting.institution) == (HELD, "lab_visit", institution)
    assert meeting.local_starts_at.hour == 14


def test_a_meeting_of_another_tandem_is_404(client, tandem):
    other = make_tandem(mentee=None, mentor=None)
    mentee, _ = people(other)
    meeting = meetings.add_meeting(other, mentee, details(+2), Actor(person=mentee))
    stranger = tandem.mentee_application.person
    client = portal_client(client, stranger)
    assert client.get(f"/en/portal/tandems/{other.pk}/").status_code == 404
    url = f"/en/portal/tandems/{tandem.pk}/meetings/{meeting.pk}/cancel/"
    assert client.post(url).status_code == 404
    url = f"/en/portal/tandems/{other.pk}/meetings/{meeting.pk}/cancel/"
    assert client.post(url).status_code == 404
    meeting.refresh_from_db()
    assert meeting.state == PLANNED


def test_the_tandem_space_shows_the_partner_contact_in_the_readers_language(client, tandem):
    mentee, mentor = people(tandem)
    html = portal_client(client, mentee).get(f"/de/portal/tandems/{tandem.pk}/").content.decode()
    assert mentor.full_name in html and mentor.email in html
    assert 'lang="de"' in html
