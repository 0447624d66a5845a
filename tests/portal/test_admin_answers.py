"""The admin's view of a submitted application: answers by their labels, files through the
protected download view, institution and discipline filters, and the profile in the export."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

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
from workflows.review.models import ReviewAssignment
from workflows.roles import COORDINATORS, REVIEWERS

pytestmark = pytest.mark.django_db

INDEX = "application_admin:index"


def admin_user(group: str):
    user = UserFactory(groups=[group])
    access = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    Group.objects.get(name=group).permissions.add(access)
    return user


@pytest.fixture
def two_applications(client, cohort, disciplines, privacy_notice, institutions):  # noqa: F811
    page = make_form_page(cohort, "mentee")
    first = valid_answers("mentee", institutions["uwb"], email="jana@example.cz")
    second = {
        **valid_answers("mentee", institutions["oth"], email="lukas@example.de", language="de"),
        "full_name": "Lukas Huber",
        "disciplines": ["mechanical"],
    }
    for data in (first, second):
        response = client.post(page.url, {**data, "cv": pdf_upload("cv.pdf")})
        assert response.status_code == 302
    accept_received()
    return (
        Application.objects.get(person__email="jana@example.cz"),
        Application.objects.get(person__email="lukas@example.de"),
    )


def names(response) -> set[str]:
    content = response.content.decode()
    return {name for name in ("Jana Nováková", "Lukas Huber") if name in content}


def test_inspect_shows_labelled_answers_and_a_protected_file_link(client, two_applications):
    jana, _ = two_applications
    coordinator = admin_user(COORDINATORS)
    client.force_login(coordinator)
    response = client.get(reverse("application_admin:inspect", args=[jana.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Faculty of Applied Sciences" in content
    assert "How did you hear about us?" in content and "From a friend" in content
    assert "University of West Bohemia" in content
    upload = jana.uploads.get()
    link = reverse("applications:download_upload", kwargs={"pk": upload.pk})
    assert f'href="{link}"' in content
    download = client.get(link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")

    reviewer = admin_user(REVIEWERS)
    client.force_login(reviewer)
    assert client.get(link).status_code == 404  # not assigned: no file either


def test_institution_and_discipline_filters(client, two_applications, institutions):  # noqa: F811
    client.force_login(admin_user(COORDINATORS))
    index = reverse(INDEX)
    oth = str(institutions["oth"].translation_key)
    assert names(client.get(index, {"institution": oth})) == {"Lukas Huber"}
    assert names(client.get(index, {"discipline": "informatics"})) == {"Jana Nováková"}
    assert names(client.get(index, {"discipline": "mechanical"})) == {"Lukas Huber"}


def test_export_has_the_profile_and_only_visible_rows(client, two_applications):
    jana, lukas = two_applications
    reviewer = admin_user(REVIEWERS)
    ReviewAssignment.objects.create(application=lukas, reviewer=reviewer)
    client.force_login(reviewer)
    response = client.get(reverse(INDEX), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 1
    assert rows[0]["Email"] == "lukas@example.de"
    assert rows[0]["Institution"] == "OTH Amberg-Weiden"
    assert rows[0]["Disciplines"] == "Mechanical engineering"
