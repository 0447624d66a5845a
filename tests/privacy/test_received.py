"""A submission the worker has not accepted yet is the person's data too: exported, and erased
with its file."""

from __future__ import annotations

import pytest

from applications.models import Application, ReceivedSubmission, Upload
from tests.applications.conftest import (  # noqa: F401 - fixtures
    accept_received,
    cohort,
    disciplines,
    institutions,
    mentee_form,
    mentor_form,
    pdf_upload,
    privacy_notice,
    valid_answers,
)
from workflows.engine.actors import Actor
from workflows.privacy.erasure import erase_person
from workflows.privacy.export import collect


@pytest.mark.django_db
def test_a_waiting_submission_is_exported_and_erased_with_its_file(
    client,
    mentee_form,  # noqa: F811
    mentor_form,  # noqa: F811
    institutions,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    mentee = valid_answers("mentee", institutions["uwb"])
    assert client.post(mentee_form.url, {**mentee, "cv": pdf_upload()}).status_code == 302
    accept_received()
    person = Application.objects.get().person
    # The same address applies as a mentor; the worker has not taken it yet.
    mentor = valid_answers("mentor", institutions["uwb"], email="JANA.novakova@example.cz")
    assert client.post(mentor_form.url, {**mentor, "cv": pdf_upload()}).status_code == 302
    waiting = ReceivedSubmission.objects.get()
    upload = Upload.objects.get(received=waiting)

    exported = collect(person)["received_submissions"]
    assert [row["role"] for row in exported] == ["mentor"]

    with django_capture_on_commit_callbacks(execute=True):
        erase_person(person, Actor.system(), "asked by the person")
    assert not ReceivedSubmission.objects.exists()
    assert not Upload.objects.filter(pk=upload.pk).exists()
    assert not upload.file.storage.exists(upload.file.name)
