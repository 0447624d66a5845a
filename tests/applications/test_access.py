"""Private files: only the applicant, the cohort's coordinators and assigned reviewers; 404
for everyone else, on every URL and in the API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from applications.models import Application, Upload
from applications.permissions import can_download
from applications.views import content_disposition
from portal.session import SESSION_KEY
from tests.applications.conftest import accept_received, pdf_upload, valid_answers
from tests.factories import UserFactory
from workflows.roles import COORDINATORS, REVIEWERS


def submit(client, page, institution, email, filename="cv.pdf"):
    data = {**valid_answers("mentee", institution, email=email), "cv": pdf_upload(filename)}
    assert client.post(page.url, data).status_code == 302
    accept_received()
    return Application.objects.get(person__email=email)


def sign_in_as(client, person):
    session = client.session
    session[SESSION_KEY] = person.pk
    session.save()


@pytest.fixture
def two_applications(client, mentee_form, institutions):
    a = submit(client, mentee_form, institutions["uwb"], "a@example.org", "Životopis A.pdf")
    b = submit(client, mentee_form, institutions["uwb"], "b@example.org")
    return a, b


@pytest.mark.django_db
def test_applicant_reads_own_cv_but_not_anothers(client, two_applications):
    a, b = two_applications
    sign_in_as(client, a.person)
    own = client.get(reverse("applications:download_upload", args=[a.uploads.get().pk]))
    assert own.status_code == 200
    assert b"".join(own.streaming_content).startswith(b"%PDF-")
    assert own["Content-Disposition"] == content_disposition("Životopis A.pdf")
    assert "filename*=UTF-8''%C5%BDivotopis%20A.pdf" in own["Content-Disposition"]
    other = client.get(reverse("applications:download_upload", args=[b.uploads.get().pk]))
    assert other.status_code == 404
    missing = client.get(reverse("applications:download_upload", args=[999999]))
    assert missing.status_code == 404


@pytest.mark.django_db
def test_anonymous_and_plain_users_get_404(client, two_applications):
    a, _b = two_applications
    url = reverse("applications:download_upload", args=[a.uploads.get().pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_download_matrix(two_applications):
    a, b = two_applications
    upload = a.uploads.get()
    coordinator = UserFactory(groups=[COORDINATORS])
    reviewer = UserFactory(groups=[REVIEWERS])
    superuser = UserFactory(is_superuser=True)
    matrix = [
        (None, a.person, True),
        (None, b.person, False),
        (None, None, False),
        (coordinator, None, True),
        (reviewer, None, False),  # not assigned
        (superuser, None, True),
        (UserFactory(), None, False),
    ]
    for user, person, allowed in matrix:
        assert can_download(user, person, upload)[0] is allowed, (user, person)


@pytest.mark.django_db
def test_an_assigned_reviewer_may_download(two_applications):
    review = pytest.importorskip("workflows.review.models")
    a, _b = two_applications
    reviewer = UserFactory(groups=[REVIEWERS])
    assert can_download(reviewer, None, a.uploads.get())[0] is False
    review.ReviewAssignment.objects.create(application=a, reviewer=reviewer)
    assert can_download(reviewer, None, a.uploads.get())[0] is True


@pytest.mark.django_db
def test_pending_uploads_are_nobodys(mentee_form):
    upload = Upload(field_key="cv", original_name="x.pdf", size=1, sha256="0")
    assert can_download(UserFactory(is_superuser=True), None, upload)[0] is False


@pytest.mark.django_db
def test_the_api_shows_no_application_data(client, two_applications, mentee_form):
    a, b = two_applications
    sign_in_as(client, a.person)
    schema = client.get(f"/api/v3/forms/{mentee_form.pk}/").content.decode()
    for application in (a, b):
        assert application.person.email not in schema
    listing = client.get("/api/v3/forms/").content.decode()
    assert "b@example.org" not in listing
