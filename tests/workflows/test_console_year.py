"""The programme-year page: tandems at risk with their reasons, surveys, events, XLSX."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from tests.factories import UserFactory
from tests.programme_life.conftest import make_tandem
from workflows.access.groups import COORDINATORS, REVIEWERS
from workflows.engine.actors import Actor
from workflows.programme_life import meetings
from workflows.programme_life.models import Meeting

pytestmark = pytest.mark.django_db


def coordinator_client() -> Client:
    client = Client()
    client.force_login(UserFactory(groups=[COORDINATORS]))
    return client


def held_meeting(tandem, days_ago: int) -> None:
    mentee = tandem.mentee_application.person
    meetings.add_meeting(
        tandem,
        mentee,
        meetings.MeetingDetails(
            starts_at=timezone.now() - dt.timedelta(days=days_ago),
            timezone="Europe/Prague",
            duration_minutes=60,
            mode=Meeting.Mode.ONLINE,
            kind=Meeting.Kind.MEETING,
            visibility=Meeting.Visibility.SHARED,
        ),
        Actor(person=mentee),
    )


def test_quiet_and_unsigned_tandems_are_at_risk_with_their_reasons():
    quiet = make_tandem()
    busy = make_tandem(quiet.cohort)
    held_meeting(quiet, 50)
    held_meeting(busy, 3)
    response = coordinator_client().get("/admin/year/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "No meeting for 4 weeks" in html and "Agreement not signed" in html
    # Both are unsigned; only the quiet one has not met for four weeks.
    assert html.count("No meeting for 4 weeks") == 1
    assert "Meetings held per month" in html and "<svg" in html  # two meetings, a chart
    assert "Programme ends: tandems close" in html


def test_the_tandems_at_risk_download_as_xlsx():
    tandem = make_tandem()
    response = coordinator_client().get("/admin/year/?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][1] == tandem.mentee_application.person.full_name


def test_a_reviewer_cannot_open_the_year():
    client = Client()
    client.force_login(UserFactory(groups=[REVIEWERS]))
    response = client.get("/admin/year/")
    assert response.status_code in (302, 403)  # Wagtail sends a refused admin page home
    assert b"Tandems at risk" not in response.content
