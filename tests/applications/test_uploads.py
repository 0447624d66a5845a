"""Uploads are checked by content, limited in size, kept across failed attempts, and private."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from applications.models import Application, ReceivedSubmission, Upload
from applications.pdf import validate_pdf
from tests.applications.conftest import accept_received, make_pdf, pdf_upload, valid_answers


def test_a_real_pdf_passes():
    validate_pdf(pdf_upload())


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"PK\x03\x04 this is a zip file renamed to .pdf", "not_pdf"),
        (b"<html>%PDF-1.7</html>", "not_pdf"),
        (b"%PDF-1.7\nnot really a pdf at all", "broken_pdf"),
        (b"", "empty_file"),
    ],
)
def test_the_content_decides_not_the_name(content, code):
    with pytest.raises(ValidationError) as refused:
        validate_pdf(SimpleUploadedFile("cv.pdf", content, "application/pdf"))
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("damage", "replacement"),
    [
        (b"/Kids [ 4 0 R ]", b"/Kids [ 4 0 0 ]"),  # its first page a number, not a page
        (b"/Pages", b"/Pagez"),  # a catalogue without a page tree
    ],
)
def test_a_pdf_without_a_readable_first_page_is_refused(damage, replacement):
    """Offsets stay as they were (same length), so the file parses; its page tree does not."""
    data = make_pdf()
    assert damage in data and len(damage) == len(replacement)
    with pytest.raises(ValidationError) as refused:
        validate_pdf(
            SimpleUploadedFile("cv.pdf", data.replace(damage, replacement), "application/pdf")
        )
    assert refused.value.code == "broken_pdf"


def test_a_pdf_with_a_wrong_cross_reference_offset_is_repaired_and_accepted():
    """pyHanko refuses a file whose ``startxref`` points to the wrong place; pypdf, which
    the check falls back to, finds the table again: the applicant's CV is accepted."""
    data = make_pdf()
    offset = re.search(rb"startxref\s+(\d+)", data).group(1)
    damaged = data.replace(b"startxref\n" + offset, b"startxref\n" + str(int(offset) - 7).encode())
    assert damaged != data
    validate_pdf(SimpleUploadedFile("cv.pdf", damaged, "application/pdf"))


def test_the_size_limit_comes_from_the_settings(settings):
    settings.APPLICATIONS_MAX_UPLOAD_BYTES = 2000
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        validate_pdf(pdf_upload(padding=3000))
    assert refused.value.code == "file_too_large"
    assert "at most 2.0\xa0KB" in refused.value.messages[0]
    with translation.override("cs"), pytest.raises(ValidationError) as refused:
        validate_pdf(pdf_upload(padding=3000))
    assert "nejvýše 2,0\xa0KB" in refused.value.messages[0]


@pytest.mark.django_db
def test_a_non_pdf_renamed_pdf_is_refused_at_the_field(client, mentee_form, institutions):
    data = valid_answers("mentee", institutions["uwb"])
    data["cv"] = SimpleUploadedFile("cv.pdf", b"GIF89a fake image", "application/pdf")
    response = client.post(mentee_form.url, data)
    assert response.status_code == 422
    body = response.content.decode()
    assert 'id="cv-error"' in body and "not a PDF" in body
    assert 'aria-describedby="cv-error"' in body
    assert not Application.objects.exists() and not Upload.objects.exists()


@pytest.mark.django_db
def test_an_oversize_file_gets_a_clear_error_and_the_rest_is_kept(
    client, mentee_form, institutions, settings
):
    settings.APPLICATIONS_MAX_UPLOAD_BYTES = 2000
    data = valid_answers("mentee", institutions["uwb"])
    data["cv"] = pdf_upload(padding=5000)
    response = client.post(mentee_form.url, data)
    assert response.status_code == 422
    body = response.content.decode()
    assert "too large" in body
    assert 'value="Computer Science (MSc)"' in body
    assert "Find my way into a doctorate." in body
    assert 'value="B2" selected' in body
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_valid_upload_is_kept_when_another_answer_fails(client, mentee_form, institutions):
    data = valid_answers("mentee", institutions["uwb"])
    data["faculty"] = ""
    data["cv"] = SimpleUploadedFile("Životopis Nováková.pdf", make_pdf(), "application/pdf")
    response = client.post(mentee_form.url, data)
    assert response.status_code == 422
    body = response.content.decode()
    upload = Upload.objects.get()
    assert "Životopis Nováková.pdf (uploaded)" in body
    assert f'name="cv__upload" value="{upload.token}"' in body
    # Fixing the other answer submits without uploading again.
    data["faculty"] = "Faculty of Applied Sciences"
    data.pop("cv")
    data["cv__upload"] = upload.token
    assert client.post(mentee_form.url, data).status_code == 302
    upload.refresh_from_db()
    assert upload.received == ReceivedSubmission.objects.get()  # submitted with the answers
    assert accept_received() == 1
    upload.refresh_from_db()
    assert upload.application == Application.objects.get()
    assert upload.received is None


@pytest.mark.django_db
def test_uploads_are_stored_privately_under_generated_names(client, mentee_form, institutions):
    data = {**valid_answers("mentee", institutions["uwb"]), "cv": pdf_upload("../../etc/x.pdf")}
    assert client.post(mentee_form.url, data).status_code == 302
    upload = Upload.objects.get()
    path = upload.file.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert "etc" not in upload.file.name and upload.file.name.endswith(".pdf")
    with upload.file.open("rb") as stored:
        assert stored.read(5) == b"%PDF-"


def claim_with_another_form(client, page, institutions, token):
    """Another applicant's form naming ``token`` as its CV: refused, the CV required again."""
    other = valid_answers("mentee", institutions["uwb"], email="someone@example.org")
    response = client.post(page.url, {**other, "cv__upload": token})
    assert response.status_code == 422  # the CV is required again
    assert 'id="cv-error"' in response.content.decode()


@pytest.mark.django_db
def test_an_attached_upload_cannot_be_claimed_by_another_form(client, mentee_form, institutions):
    assert (
        client.post(
            mentee_form.url, {**valid_answers("mentee", institutions["uwb"]), "cv": pdf_upload()}
        ).status_code
        == 302
    )
    assert accept_received() == 1
    upload = Upload.objects.get()
    assert upload.application == Application.objects.get()
    claim_with_another_form(client, mentee_form, institutions, upload.token)
    assert not ReceivedSubmission.objects.exists()
    upload.refresh_from_db()
    assert upload.application == Application.objects.get()


@pytest.mark.django_db
def test_a_received_upload_cannot_be_claimed_before_the_worker_attaches_it(
    client, mentee_form, institutions
):
    data = {**valid_answers("mentee", institutions["uwb"]), "cv": pdf_upload()}
    assert client.post(mentee_form.url, data).status_code == 302
    upload = Upload.objects.get()
    received = ReceivedSubmission.objects.get()
    assert upload.received == received and upload.application is None  # waiting for the worker
    claim_with_another_form(client, mentee_form, institutions, upload.token)
    assert ReceivedSubmission.objects.get() == received  # the other form stored nothing
    upload.refresh_from_db()
    assert upload.received == received
    assert accept_received() == 1
    upload.refresh_from_db()
    assert upload.application == Application.objects.get(person__email=data["email"])
