"""The applications admin speaks the reader's language: language levels by name, the system
actor as a label; and internal notes stay with the coordinators (issue 11)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation

from applications.admin.answers import language_levels
from tests.factories import ApplicationFactory, UserFactory
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition
from workflows.lifecycles.application import APPLICATION
from workflows.review.models import ReviewAssignment
from workflows.roles import COORDINATORS, REVIEWERS

pytestmark = pytest.mark.django_db

NOTE = "Internal: doubts about the motivation"


def staff(group: str):
    user = UserFactory(groups=[group])
    access = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    Group.objects.get(name=group).permissions.add(access)
    return user


def test_language_levels_by_name_in_the_readers_language():
    value = {"cs": "A1", "de": "native", "en": ""}
    assert language_levels(value) == "Czech (A1), German (Native speaker)"
    with translation.override("de"):
        assert language_levels(value).startswith("Tschechisch (A1)")


def test_inspect_hides_internal_notes_from_reviewers_and_names_the_system(client):
    application = ApplicationFactory()
    coordinator = staff(COORDINATORS)
    apply_transition(APPLICATION, application, "start_review", Actor.system())
    apply_transition(APPLICATION, application, "waitlist", Actor(user=coordinator), comment=NOTE)
    reviewer = staff(REVIEWERS)
    ReviewAssignment.objects.create(application=application, reviewer=reviewer)
    url = reverse("application_admin:inspect", args=[application.pk])

    client.force_login(reviewer)
    html = client.get(url).content.decode()
    assert application.person.full_name in html and NOTE not in html

    client.force_login(coordinator)
    html = client.get(url).content.decode()
    assert NOTE in html
    assert "careerSTEPS (automatic)" in html
    assert ">system<" not in html
