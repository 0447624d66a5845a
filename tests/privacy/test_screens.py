"""Export, erasure requests and erasure screens: who may do what, and what they get."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.urls import reverse

from tests.trust.access_matrix.world import (
    ANON,
    APPLICANT_A,
    APPLICANT_B,
    COORD_GLOBAL,
    COORD_OTHER,
    COORD_THIS,
    REVIEWER_ASSIGNED,
    build_world,
)
from workflows.engine.models import HistoryEntry
from workflows.privacy.models import ErasureRecord, ErasureRequest, ExportRecord


@pytest.fixture
def world(db, run_tasks_inline):
    return build_world()


def _archive(response) -> zipfile.ZipFile:
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(
        io.BytesIO(b"".join(response.streaming_content))
        if response.streaming
        else io.BytesIO(response.content)
    )


def test_the_person_downloads_their_own_data_and_nobody_elses(world):
    a = world.people[APPLICANT_A]
    response = world.client_for(APPLICANT_A).get(reverse("privacy:export-mine"))
    archive = _archive(response)
    names = archive.namelist()
    data = json.loads(archive.read("data.json"))
    assert data["person"]["email"] == a.email and data["person_id"] == a.pk
    assert [x["id"] for x in data["applications"]] == [world.ids["application_a"]]
    assert data["matches"][0]["id"] == world.ids["pair1"]
    assert data["event_registrations"] and data["survey_invitations"] and data["meetings"]
    assert "T" in data["exported_at"]  # ISO dates
    assert any(n.startswith("files/") and n.endswith(".pdf") for n in names)
    assert any(n.startswith("agreements/") for n in names)
    everything = b"".join(archive.read(n) for n in names)
    assert world.people[APPLICANT_B].email.encode() not in everything
    assert ExportRecord.objects.get(person_id_ref=a.pk).by_person
    entry = HistoryEntry.objects.get(machine="privacy", transition="export")
    assert entry.object_id == str(a.pk)


def test_signed_out_visitors_are_sent_to_sign_in(world):
    response = world.client_for(ANON).get(reverse("privacy:export-mine"))
    assert response.status_code == 302 and "sign-in" in response["Location"]


@pytest.mark.parametrize(
    ("actor", "status"),
    [(COORD_THIS, 200), (COORD_GLOBAL, 200), (COORD_OTHER, 404), (REVIEWER_ASSIGNED, 404)],
)
def test_coordinators_export_only_people_of_their_cohorts(world, actor, status):
    a = world.people[APPLICANT_A]
    response = world.client_for(actor).get(reverse("privacy_admin:export", args=[a.pk]))
    assert response.status_code == status
    if status == 200:
        assert "data.json" in _archive(response).namelist()
        assert ExportRecord.objects.get(person_id_ref=a.pk).by_user == world.users[actor]


def test_a_request_from_the_portal_reaches_the_coordinators_who_erase(
    world, django_capture_on_commit_callbacks
):
    a = world.people[APPLICANT_A]
    portal = world.client_for(APPLICANT_A)
    page = portal.get(reverse("privacy:overview"))
    assert page.status_code == 200 and b'id="request-erasure"' in page.content
    portal.post(reverse("privacy:request-erasure"))
    portal.post(reverse("privacy:request-erasure"))  # asked twice: one request
    assert ErasureRequest.objects.filter(person_id_ref=a.pk, state="open").count() == 1
    assert b'id="erasure-pending"' in portal.get(reverse("privacy:overview")).content

    coordinator = world.client_for(COORD_GLOBAL)
    listing = coordinator.get(reverse("privacy_admin:requests"))
    assert f"#{a.pk}".encode() in listing.content
    url = reverse("privacy_admin:erase", args=[a.pk])
    assert world.client_for(COORD_THIS).get(url).status_code == 404  # one cohort: may not
    confirm = coordinator.get(url)
    assert confirm.status_code == 200
    assert b'id="erase-kept"' in confirm.content and b"applications.Upload" in confirm.content
    refused = coordinator.post(url, {"reason": "asked by email"})  # not confirmed
    assert refused.status_code == 400 and not ErasureRecord.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        done = coordinator.post(url, {"reason": "asked by email", "confirm": "on"})
    assert done.status_code == 302
    assert ErasureRecord.objects.get(person_id_ref=a.pk).actor == world.users[COORD_GLOBAL]
    assert ErasureRequest.objects.get(person_id_ref=a.pk).state == "done"
    a.refresh_from_db()
    assert a.email.endswith("@erased.invalid") and "Anna" not in a.full_name
    # Her portal session went with her.
    assert portal.get(reverse("privacy:overview")).status_code == 302


def test_the_inspect_page_offers_export_and_erase_by_role(world):
    from applications.admin.actions import actions_for
    from applications.models import Application

    application = Application.objects.get(pk=world.ids["application_a"])
    keys = lambda actor: {a.key for a in actions_for(world.users[actor], application)}  # noqa: E731
    assert {"privacy-export", "privacy-erase"} <= keys(COORD_GLOBAL)
    assert "privacy-export" in keys(COORD_THIS) and "privacy-erase" not in keys(COORD_THIS)
    assert not {"privacy-export", "privacy-erase"} & keys(COORD_OTHER)
