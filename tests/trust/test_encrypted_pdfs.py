"""Encrypted CVs: one that opens without a password is a CV; anything else is a field error.

pypdf tries the empty password; whatever it raises on a strange /Encrypt dictionary becomes a
translated error at the field, never a 500, and the other answers stay in the form.
"""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from applications.models import Application
from applications.pdf import validate_pdf
from tests.applications.conftest import accept_received, valid_answers

OPEN_ALGORITHMS = ["RC4-40", "RC4-128", "AES-128", "AES-256-R5", "AES-256"]


def encrypted_pdf(algorithm: str, user_password: str = "") -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def with_encrypt_version(version: int) -> bytes:
    """An AES-256 PDF whose /Encrypt dictionary claims a version pypdf does not know."""
    data = encrypted_pdf("AES-256")
    return data.replace(b"/V 5", f"/V {version}".encode(), 1)


def upload(data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("cv.pdf", data, "application/pdf")


@pytest.mark.parametrize("algorithm", OPEN_ALGORITHMS)
def test_a_pdf_that_opens_without_a_password_is_accepted(algorithm):
    validate_pdf(upload(encrypted_pdf(algorithm)))


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_a_pdf_that_needs_a_password_is_refused_as_protected(algorithm):
    with pytest.raises(ValidationError) as refused:
        validate_pdf(upload(encrypted_pdf(algorithm, user_password="secret")))
    assert refused.value.code == "encrypted_pdf"


@pytest.mark.parametrize("version", [3, 7, 99])
def test_an_unknown_encrypt_version_is_a_field_error(version):
    data = with_encrypt_version(version)
    assert f"/V {version}".encode() in data
    with pytest.raises(ValidationError) as refused:
        validate_pdf(upload(data))
    assert refused.value.code in {"encrypted_pdf", "broken_pdf"}


@pytest.mark.django_db
@pytest.mark.parametrize("version", [7, 99])
def test_an_unknown_encrypt_version_keeps_the_answers(client, mentee_form, institutions, version):
    data = valid_answers("mentee", institutions["uwb"])
    response = client.post(mentee_form.url, {**data, "cv": upload(with_encrypt_version(version))})
    assert response.status_code == 422
    body = response.content.decode()
    assert 'id="cv-error"' in body
    assert 'value="Computer Science (MSc)"' in body
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_an_aes_256_cv_that_opens_is_submitted(client, mentee_form, institutions):
    data = valid_answers("mentee", institutions["uwb"])
    response = client.post(mentee_form.url, {**data, "cv": upload(encrypted_pdf("AES-256"))})
    assert response.status_code == 302
    assert accept_received() == 1
    assert Application.objects.get().uploads.count() == 1
