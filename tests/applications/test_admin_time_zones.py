"""Staff read every time in their own zone (Wagtail account setting, default Europe/Prague),
with the zone named: the inspect page's fields and its history agree."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from applications.models import Application
from base.timezones import format_in_zone, time_zone_name_of
from tests.applications.test_exports import coordinator_user
from tests.factories import ApplicationFactory, UserFactory
from workflows.engine.models import HistoryEntry

pytestmark = pytest.mark.django_db

WHEN = datetime(2026, 11, 5, 21, 24, tzinfo=UTC)


@pytest.fixture
def application():
    application = ApplicationFactory()
    Application.objects.filter(pk=application.pk).update(submitted_at=WHEN, state_changed_at=WHEN)
    HistoryEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Application),
        object_id=str(application.pk),
        machine="application",
        transition="create",
        to_state="submitted",
        actor_label="Jana Nováková",
        created_at=WHEN,
    )
    return application


def times_shown(html: str) -> list[str]:
    return re.findall(r"\d{1,2}:\d{2}(?:\s?[ap]\.m\.)?", html)


def test_inspect_fields_and_history_agree_in_prague_time(client, application):
    client.force_login(coordinator_user())
    html = client.get(reverse("application_admin:inspect", args=[application.pk])).content
    html = html.decode()
    assert "9:24 p.m." not in html and "21:24" not in html  # English dates are en-GB: 22:24
    # submitted at, state changed at, and the history's creation entry: all 22:24 in Prague
    assert html.count("22:24 (Europe/Prague)") == 3, times_shown(html)


def test_inspect_follows_the_persons_own_time_zone(client, application):
    client.force_login(coordinator_user("America/New_York"))
    html = client.get(reverse("application_admin:inspect", args=[application.pk])).content
    assert html.decode().count("16:24 (America/New_York)") == 3


def test_zone_of_a_user_defaults_to_prague_and_rejects_unknown_zones():
    user = UserFactory()
    assert time_zone_name_of(user) == "Europe/Prague"
    assert time_zone_name_of(None) == "Europe/Prague"
    profile = UserProfile.get_for_user(user)
    profile.current_time_zone = "Mars/Olympus_Mons"
    profile.save()
    assert time_zone_name_of(user) == "Europe/Prague"


def test_format_in_zone_uses_the_active_language_and_names_the_zone():
    with translation.override("cs"):
        assert format_in_zone(WHEN, "Europe/Prague") == "05.11.2026 22:24 (Europe/Prague)"
    with translation.override("de"):
        assert format_in_zone(WHEN, "Europe/Berlin").endswith("22:24 (Europe/Berlin)")
