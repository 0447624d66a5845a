"""The coordinators' Wagtail listing of applications: who sees what, and the exports."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from applications.admin.permissions import (
    can_export_applications,
    can_list_applications,
    can_view_application,
)
from tests.factories import ApplicationFactory, PersonFactory, UserFactory, make_cohort
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition
from workflows.lifecycles.application import APPLICATION
from workflows.review.models import ReviewAssignment
from workflows.roles import COORDINATORS, EDITORS, REVIEWERS

pytestmark = pytest.mark.django_db

INDEX = "application_admin:index"


def admin_user(*groups: str):
    user = UserFactory(groups=list(groups))
    access = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    for name in groups:
        Group.objects.get(name=name).permissions.add(access)
    return user


@pytest.fixture
def applications(db):
    cohort = make_cohort(title="Cohort 2026/27")
    other_cohort = make_cohort(title="Cohort 2025/26")
    return [
        ApplicationFactory(
            person=PersonFactory(full_name="Anna Alpha", email="anna@example.org"), cohort=cohort
        ),
        ApplicationFactory(
            person=PersonFactory(full_name="Bohdan Beta", email="bohdan@example.org"),
            cohort=cohort,
            role="mentor",
            language="cs",
        ),
        ApplicationFactory(
            person=PersonFactory(full_name="Cäcilie Gamma", email="caecilie@example.org"),
            cohort=other_cohort,
            language="de",
        ),
    ]


@pytest.fixture
def coordinator(db):
    return admin_user(COORDINATORS)


@pytest.fixture
def reviewer(db):
    return admin_user(REVIEWERS)


def workbook_rows(response) -> list[tuple]:
    data = b"".join(response.streaming_content)
    return list(openpyxl.load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True))


def final_status(client, path: str, method: str = "get") -> int:
    """The status after redirects: LocaleMiddleware answers a 404 outside i18n_patterns
    with a redirect to the language-prefixed path, which is a 404 again."""
    return getattr(client, method)(path, follow=True).status_code


def listed_names(response) -> set[str]:
    content = response.content.decode()
    return {name for name in ("Anna Alpha", "Bohdan Beta", "Cäcilie Gamma") if name in content}


def test_coordinator_sees_all_applications(client, coordinator, applications):
    client.force_login(coordinator)
    response = client.get(reverse(INDEX))
    assert response.status_code == 200
    assert listed_names(response) == {"Anna Alpha", "Bohdan Beta", "Cäcilie Gamma"}


def test_reviewer_sees_only_assigned_applications(client, reviewer, applications):
    client.force_login(reviewer)
    response = client.get(reverse(INDEX))
    assert response.status_code == 200
    assert listed_names(response) == set()

    ReviewAssignment.objects.create(application=applications[1], reviewer=reviewer)
    response = client.get(reverse(INDEX))
    assert listed_names(response) == {"Bohdan Beta"}

    inspect = "application_admin:inspect"
    assert client.get(reverse(inspect, args=[applications[1].pk])).status_code == 200
    assert final_status(client, reverse(inspect, args=[applications[0].pk])) == 404


def test_other_admin_users_are_refused(client, applications):
    editor = admin_user(EDITORS)
    client.force_login(editor)
    assert client.get(reverse(INDEX)).status_code in {302, 403}
    assert client.get(reverse(INDEX) + "?export=csv").status_code in {302, 403}


def test_filters_and_search(client, coordinator, applications):
    client.force_login(coordinator)
    index = reverse(INDEX)
    assert listed_names(client.get(index, {"role": "mentor"})) == {"Bohdan Beta"}
    assert listed_names(client.get(index, {"language": "de"})) == {"Cäcilie Gamma"}
    cohort = applications[2].cohort
    assert listed_names(client.get(index, {"cohort": str(cohort.translation_key)})) == {
        "Cäcilie Gamma"
    }
    apply_transition(APPLICATION, applications[0], "withdraw", Actor(user=coordinator))
    assert listed_names(client.get(index, {"state": "withdrawn"})) == {"Anna Alpha"}
    assert listed_names(client.get(index, {"q": "bohdan@"})) == {"Bohdan Beta"}


def test_inspect_shows_answers_and_history_with_comments(client, coordinator, applications):
    application = applications[0]
    apply_transition(APPLICATION, application, "start_review", Actor(user=coordinator))
    apply_transition(
        APPLICATION,
        application,
        "request_changes",
        Actor(user=coordinator),
        comment="Internal: weak motivation",
        message="Please tell us more about your goals.",
    )
    client.force_login(coordinator)
    response = client.get(reverse("application_admin:inspect", args=[application.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "anna@example.org" in content
    assert "Internal: weak motivation" in content
    assert "Please tell us more about your goals." in content


def test_there_is_no_edit_or_delete(client, coordinator, applications):
    client.force_login(coordinator)
    pk = applications[0].pk
    assert final_status(client, f"/admin/applications/edit/{pk}/") == 404
    assert final_status(client, f"/admin/applications/delete/{pk}/", method="post") == 404


def test_xlsx_export_contains_only_visible_rows(client, reviewer, coordinator, applications):
    ReviewAssignment.objects.create(application=applications[2], reviewer=reviewer)
    client.force_login(reviewer)
    response = client.get(reverse(INDEX), {"export": "xlsx"})
    assert response.status_code == 200
    assert "applications.xlsx" in response["Content-Disposition"]
    rows = workbook_rows(response)
    header, body = rows[0], rows[1:]
    assert "Email" in header
    emails = [row[header.index("Email")] for row in body]
    assert emails == ["caecilie@example.org"]

    client.force_login(coordinator)
    response = client.get(reverse(INDEX), {"export": "xlsx", "language": "cs"})
    rows = workbook_rows(response)
    assert [row[rows[0].index("Email")] for row in rows[1:]] == ["bohdan@example.org"]


def test_csv_export_contains_only_visible_rows(client, reviewer, coordinator, applications):
    ReviewAssignment.objects.create(application=applications[0], reviewer=reviewer)
    client.force_login(reviewer)
    response = client.get(reverse(INDEX), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["Email"] for row in rows] == ["anna@example.org"]
    assert rows[0]["State (key)"] == "submitted"

    client.force_login(coordinator)
    response = client.get(reverse(INDEX), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8")
    emails = {row["Email"] for row in csv.DictReader(io.StringIO(text))}
    assert emails == {"anna@example.org", "bohdan@example.org", "caecilie@example.org"}


def test_permission_matrix(coordinator, reviewer, applications):
    editor = admin_user(EDITORS)
    ReviewAssignment.objects.create(application=applications[0], reviewer=reviewer)
    matrix = {
        (coordinator, 0): True,
        (coordinator, 1): True,
        (reviewer, 0): True,
        (reviewer, 1): False,
        (editor, 0): False,
    }
    for (user, index), expected in matrix.items():
        allowed, reason = can_view_application(user, applications[index])
        assert allowed is expected
        assert bool(reason) is not expected
    assert can_list_applications(coordinator)[0] and can_export_applications(reviewer)[0]
    assert not can_list_applications(editor)[0]
    assert can_list_applications(editor)[1]
