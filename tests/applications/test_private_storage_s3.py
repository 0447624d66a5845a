"""Private files on S3-compatible storage (``PRIVATE_STORAGE_S3_BUCKET``): an applicant's CV,
submitted through the real form, lands in a private bucket of a real S3 server (moto's
standalone server on a loopback port), and is read back only through the access-checking
view, streamed from the bucket; nobody else gets it, and the bucket grants nobody else
anything. Skipped when the ``s3`` extra or moto's server is not installed."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from applications.models import Application
from careersteps.private_storage import S3_BACKEND, s3_private_storage
from portal.session import SESSION_KEY
from tests.applications.conftest import make_pdf, valid_answers

boto3 = pytest.importorskip("boto3")
pytest.importorskip("storages.backends.s3")
pytest.importorskip("moto.server")

BUCKET = "careersteps-private"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server in a process of its own, as a real S3-compatible service."""
    port = free_port()
    executable = shutil.which("moto_server", path=str(Path(sys.executable).parent))
    command = (
        [executable, "-H", "127.0.0.1", "-p", str(port)]
        if executable
        else [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)]
    )
    server = subprocess.Popen(  # noqa: S603 - moto's server, fixed arguments
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    break
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"moto_server did not start on port {port}")
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def s3_private(s3_endpoint, monkeypatch):
    """Settings as a site with ``PRIVATE_STORAGE_S3_BUCKET`` set gets them; a fresh bucket."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "careersteps-test",
        "AWS_SECRET_ACCESS_KEY": "careersteps-test-secret",
        "AWS_DEFAULT_REGION": "eu-central-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="eu-central-1")
    client.create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
    )
    entry = s3_private_storage(
        {
            "PRIVATE_STORAGE_S3_BUCKET": BUCKET,
            "AWS_S3_ENDPOINT_URL": s3_endpoint,
            "AWS_S3_REGION_NAME": "eu-central-1",
        }
    )
    from django.conf import settings
    from django.core.files.storage import storages

    from applications.models import Upload

    with override_settings(STORAGES={**settings.STORAGES, "private": entry}):
        # The file field took its storage when the model was loaded (as at a site's start,
        # when settings already name the bucket): give it the bucket's.
        monkeypatch.setattr(Upload._meta.get_field("file"), "storage", storages["private"])
        yield client
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    client.delete_bucket(Bucket=BUCKET)


def test_no_bucket_keeps_the_directory():
    assert s3_private_storage({}) is None
    assert s3_private_storage({"PRIVATE_STORAGE_S3_BUCKET": " "}) is None
    entry = s3_private_storage({"PRIVATE_STORAGE_S3_BUCKET": "b", "AWS_S3_ENDPOINT_URL": ""})
    assert entry["BACKEND"] == S3_BACKEND
    assert entry["OPTIONS"]["default_acl"] == "private"
    assert entry["OPTIONS"]["endpoint_url"] is None


@pytest.mark.django_db
def test_cv_in_a_private_bucket_only_through_the_checking_view(
    client, mentee_form, institutions, s3_private
):
    cv = make_pdf(pages=2)
    data = {
        **valid_answers("mentee", institutions["uwb"], email="s3@example.org"),
        "cv": SimpleUploadedFile("Lebenslauf.pdf", cv, content_type="application/pdf"),
    }
    assert client.post(mentee_form.url, data).status_code == 302
    application = Application.objects.get(person__email="s3@example.org")
    upload = application.uploads.get()
    assert type(upload.file.storage).__name__ == "S3Storage"

    # In the bucket, under the storage's prefix, with no grant beyond its owner.
    key = f"private/{upload.file.name}"
    stored = s3_private.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert stored == cv
    grants = s3_private.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    assert all(grant["Grantee"].get("Type") == "CanonicalUser" for grant in grants)

    # Anonymous visitors get 404, as with files on disk.
    url = reverse("applications:download_upload", args=[upload.pk])
    assert client.get(url).status_code == 404

    # The applicant gets the bytes, streamed from the bucket, never a redirect to it.
    session = client.session
    session[SESSION_KEY] = application.person.pk
    session.save()
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming
    assert b"".join(response.streaming_content) == cv
    assert "Location" not in response
    assert response["Cache-Control"] == "private, no-store"
