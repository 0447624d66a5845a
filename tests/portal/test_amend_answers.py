"""Amending an application submitted through a form page: the applications app's own form,
prefilled, validated the same way, files kept or replaced, then back to review."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from applications.models import Application
from tests.applications.conftest import (  # noqa: F401 - fixtures
    accept_received,
    cohort,
    disciplines,
    institutions,
    make_form_page,
    pdf_upload,
    privacy_notice,
    valid_answers,
)
from tests.factories import UserFactory
from tests.portal.conftest import signed_in_client
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION
from workflows.roles import COORDINATORS

pytestmark = pytest.mark.django_db


def amend_url(application: Application, language: str = "en") -> str:
    with translation.override(language):
        return reverse("portal:application_amend", kwargs={"pk": application.pk})


@pytest.fixture
def submitted(client, cohort, disciplines, privacy_notice, institutions):  # noqa: F811
    page = make_form_page(cohort, "mentee")
    data = valid_answers("mentee", institutions["uwb"], language="en")
    response = client.post(page.url, {**data, "cv": pdf_upload("cv.pdf")})
    assert response.status_code == 302, response.content.decode()[:2000]
    accept_received()
    return Application.objects.get(), data


@pytest.fixture
def changes_requested(submitted):
    application, data = submitted
    coordinator = UserFactory(groups=[COORDINATORS])
    for name in ("start_review", "request_changes"):
        apply_transition(
            APPLICATION,
            application,
            name,
            Actor(user=coordinator),
            message="Please name your faculty precisely.",
        )
    return application, data


def test_amend_form_is_prefilled_with_the_answers(changes_requested):
    application, data = changes_requested
    client = signed_in_client(application.person)
    response = client.get(amend_url(application))
    assert response.status_code == 200
    content = response.content.decode()
    assert 'value="Faculty of Applied Sciences"' in content
    assert "Please name your faculty precisely." in content
    assert "cv.pdf" in content  # the kept file is shown, not asked for again
    assert 'id="id_email"' in content and "disabled" in content
    assert 'id="id_note"' in content and 'id="amend-submit"' in content


def test_amend_replaces_answers_and_profile_and_keeps_the_file(changes_requested, institutions):  # noqa: F811
    application, data = changes_requested
    client = signed_in_client(application.person)
    cv = application.uploads.get()
    changed = {
        **data,
        "faculty": "Faculty of Electrical Engineering",
        "institution": str(institutions["oth"].translation_key),
        "disciplines": ["informatics", "mechanical"],
        "email": "attacker@example.org",  # the address is fixed: ignored
        "note": "Corrected the faculty.",
    }
    response = client.post(amend_url(application), changed)
    assert response.status_code == 302, response.content.decode()[:3000]

    application.refresh_from_db()
    assert application.state == "in_review"
    assert application.answers["faculty"] == "Faculty of Electrical Engineering"
    assert application.answers["email"] == application.person.email
    assert application.answers["cv"]["upload"] == cv.pk
    profile = application.profile
    assert profile.faculty == "Faculty of Electrical Engineering"
    assert profile.institution == institutions["oth"]
    assert sorted(d.key for d in profile.disciplines.all()) == ["informatics", "mechanical"]
    assert application.uploads.get() == cv
    entry = HistoryEntry.objects.for_object(application).get(transition="amend")
    assert entry.comment == "Corrected the faculty."
    assert entry.actor_label == application.person.full_name


def test_a_new_file_replaces_the_old_one(changes_requested):
    application, data = changes_requested
    client = signed_in_client(application.person)
    response = client.post(amend_url(application), {**data, "cv": pdf_upload("cv-2026.pdf")})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.answers["cv"]["name"] == "cv-2026.pdf"
    assert application.uploads.count() == 2  # the old file stays, for the record


def test_invalid_answers_are_refused_at_the_field_and_nothing_changes(changes_requested):
    application, data = changes_requested
    client = signed_in_client(application.person)
    response = client.post(
        amend_url(application, "cs"), {**data, "faculty": "", "note": "Kept note"}
    )
    assert response.status_code == 422
    assert response.context["form"].errors["faculty"]
    assert "Kept note" in response.content.decode()  # nothing entered is lost
    application.refresh_from_db()
    assert application.state == "changes_requested"
    assert application.answers["faculty"] == "Faculty of Applied Sciences"
    assert not HistoryEntry.objects.for_object(application).filter(transition="amend")


def test_no_amend_form_before_changes_are_requested(submitted):
    application, data = submitted
    client = signed_in_client(application.person)
    response = client.post(amend_url(application), {**data, "faculty": "Other"})
    assert response.status_code == 409
    application.refresh_from_db()
    assert application.answers["faculty"] == "Faculty of Applied Sciences"


def test_applicant_sees_their_answers_and_file_and_nobody_else_does(submitted):
    from tests.factories import PersonFactory

    application, _data = submitted
    client = signed_in_client(application.person)
    with translation.override("en"):
        detail = reverse("portal:application_detail", kwargs={"pk": application.pk})
    content = client.get(detail).content.decode()
    assert "Faculty of Applied Sciences" in content
    link = reverse("applications:download_upload", kwargs={"pk": application.uploads.get().pk})
    assert f'href="{link}"' in content
    assert client.get(link).status_code == 200

    stranger = signed_in_client(PersonFactory())
    assert stranger.get(detail).status_code == 404
    assert stranger.get(link).status_code == 404
