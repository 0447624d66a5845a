"""Anonymous form posts are limited per requester IP; what was entered is shown back."""

from __future__ import annotations

import pytest

from applications.models import Application, ReceivedSubmission, Upload
from tests.applications.conftest import accept_received, pdf_upload, valid_answers

pytestmark = pytest.mark.django_db


def test_posts_from_one_network_are_limited_and_the_answers_kept(
    client, mentee_form, institutions, settings
):
    settings.APPLICATIONS_POSTS_PER_IP = 3
    for number in range(3):
        data = valid_answers("mentee", institutions["uwb"], email=f"a{number}@example.org")
        post = client.post(mentee_form.url, {**data, "cv": pdf_upload()}, REMOTE_ADDR="192.0.2.9")
        assert post.status_code == 302
    data = valid_answers("mentee", institutions["uwb"], email="a4@example.org")
    response = client.post(mentee_form.url, {**data, "cv": pdf_upload()}, REMOTE_ADDR="192.0.2.9")
    assert response.status_code == 429
    body = response.content.decode()
    assert "Too many applications were sent from your network" in body
    assert 'value="Computer Science (MSc)"' in body  # nothing entered is lost
    # Nothing stored: three received submissions with their three CVs, as before the fourth.
    assert ReceivedSubmission.objects.count() == 3 and Upload.objects.count() == 3
    assert accept_received() == 3
    assert Application.objects.count() == 3
    assert not Application.objects.filter(person__email="a4@example.org").exists()
    # Another network is not affected.
    other = client.post(mentee_form.url, {**data, "cv": pdf_upload()}, REMOTE_ADDR="192.0.2.10")
    assert other.status_code == 302
    assert accept_received() == 1
    assert Application.objects.filter(person__email="a4@example.org").exists()
