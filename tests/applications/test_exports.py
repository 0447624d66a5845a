"""The applications export (CSV and XLSX): formulas held as text, Czech names intact, answers
under labels in the reader's language, reviews, state dates in the reader's time zone, and a
query count that does not grow with the rows."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.applications.test_translation import translate
from tests.factories import ApplicationFactory, PersonFactory, UserFactory
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition
from workflows.lifecycles.application import APPLICATION
from workflows.review.models import Criterion, Review, ReviewAssignment, Rubric, Score
from workflows.roles import COORDINATORS

pytestmark = pytest.mark.django_db

INDEX = "application_admin:index"
FORMULA = '=HYPERLINK("http://x","y")'


def coordinator_user(time_zone: str = ""):
    user = UserFactory(groups=[COORDINATORS], first_name="Klára", last_name="Koordinátorová")
    access = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    Group.objects.get(name=COORDINATORS).permissions.add(access)
    if time_zone:
        profile = UserProfile.get_for_user(user)
        profile.current_time_zone = time_zone
        profile.save()
    return user


def make_application(form, name: str, goals: str, **kwargs):
    return ApplicationFactory(
        person=PersonFactory(full_name=name),
        cohort=form.get_parent().specific,
        form_page=form,
        answers={"full_name": name, "goals": goals, "heard_from": "friend"},
        form_snapshot=form.form_definition(),
        **kwargs,
    )


def review(application, reviewer, scores: list[tuple[Criterion, int]], weighted: str):
    assignment = ReviewAssignment.objects.create(
        application=application, reviewer=reviewer, status=ReviewAssignment.Status.SUBMITTED
    )
    done = Review.objects.create(
        assignment=assignment,
        recommendation=Review.Recommendation.ACCEPT,
        weighted_score=Decimal(weighted),
    )
    for criterion, score in scores:
        Score.objects.create(
            review=done, criterion=criterion, label=criterion.label, weight=1, score=score
        )


@pytest.fixture
def rubric():
    from tests.factories import english

    rubric = Rubric.objects.create(name="Mentee rubric", role="mentee", locale=english())
    motivation = Criterion.objects.create(rubric=rubric, label="Motivation", locale=english())
    fit = Criterion.objects.create(rubric=rubric, label="Fit", locale=english())
    return motivation, fit


@pytest.fixture
def exported(mentee_form, rubric):
    motivation, fit = rubric
    first = make_application(mentee_form, "Řehoř Čížek", FORMULA)
    make_application(mentee_form, "Jürgen Größmann", "-1+2")
    one = UserFactory(first_name="Petra", last_name="Šťastná")
    two = UserFactory(first_name="Ondřej", last_name="Dvořák")
    review(first, one, [(motivation, 4), (fit, 3)], "3.50")
    review(first, two, [(motivation, 5), (fit, 5)], "5.00")
    return first


def csv_rows(response) -> list[dict]:
    data = b"".join(response.streaming_content)
    assert data.startswith(b"\xef\xbb\xbf"), "a UTF-8 byte order mark, for Excel"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def xlsx_sheet(response):
    data = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_csv_holds_formulas_as_text_and_czech_names_round_trip(client, exported):
    client.force_login(coordinator_user())
    response = client.get(reverse(INDEX), {"export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = {row["Name"]: row for row in csv_rows(response)}
    assert set(rows) == {"Řehoř Čížek", "Jürgen Größmann"}
    goals = next(key for key in rows["Řehoř Čížek"] if key.startswith("Answer: Your goals"))
    assert rows["Řehoř Čížek"][goals] == "'" + FORMULA
    assert rows["Jürgen Größmann"][goals] == "'-1+2"
    assert rows["Řehoř Čížek"]["Reviewers"] == "Petra Šťastná; Ondřej Dvořák"
    assert rows["Řehoř Čížek"]["Score: Motivation"] == "4.50"
    assert rows["Řehoř Čížek"]["Score: Fit"] == "4.00"
    assert rows["Řehoř Čížek"]["Weighted average score"] == "4.25"
    assert rows["Jürgen Größmann"]["Reviewers"] == ""


def test_xlsx_holds_formulas_as_string_cells(client, exported):
    client.force_login(coordinator_user())
    sheet = xlsx_sheet(client.get(reverse(INDEX), {"export": "xlsx"}))
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    goals = next(i for i, h in enumerate(header) if h.startswith("Answer: Your goals"))
    name = header.index("Name")
    cells = {row[name].value: row[goals] for row in sheet.iter_rows(min_row=2)}
    assert cells["Řehoř Čížek"].value == "'" + FORMULA
    assert cells["Řehoř Čížek"].data_type == "s"
    assert cells["Jürgen Größmann"].value == "'-1+2"
    averages = {
        row[name].value: row[header.index("Weighted average score")]
        for row in sheet.iter_rows(min_row=2)
    }
    assert averages["Řehoř Čížek"].value == pytest.approx(4.25)
    assert averages["Řehoř Čížek"].data_type == "n"
    assert averages["Jürgen Größmann"].value is None


def test_state_dates_and_decision_in_the_readers_time_zone(client, exported):
    coordinator = coordinator_user("America/New_York")
    actor = Actor(user=coordinator)
    apply_transition(APPLICATION, exported, "start_review", actor)
    apply_transition(APPLICATION, exported, "accept", actor)
    exported.refresh_from_db()
    client.force_login(coordinator)
    sheet = xlsx_sheet(client.get(reverse(INDEX), {"export": "xlsx"}))
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert "Submitted at (America/New_York)" in header
    assert "Accepted at (America/New_York)" in header
    row = next(
        r
        for r in sheet.iter_rows(min_row=2, values_only=True)
        if r[header.index("Name")] == ("Řehoř Čížek")
    )
    submitted = row[header.index("Submitted at (America/New_York)")]
    assert isinstance(submitted, datetime)
    expected = exported.submitted_at.astimezone(ZoneInfo("America/New_York"))
    assert submitted == expected.replace(tzinfo=None, second=0, microsecond=0) or (
        abs((submitted - expected.replace(tzinfo=None)).total_seconds()) < 1
    )
    assert row[header.index("Decision")] == "Accept"
    assert isinstance(row[header.index("Accepted at (America/New_York)")], datetime)


def test_question_labels_in_the_readers_admin_language(
    client, exported, mentee_form, cohort, locales, django_capture_on_commit_callbacks
):
    targets = {"de": locales["de"], "cs": locales["cs"]}
    translate(cohort, targets, django_capture_on_commit_callbacks)
    translate(mentee_form, targets, django_capture_on_commit_callbacks)
    coordinator = coordinator_user()
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(coordinator)
    rows = csv_rows(client.get(reverse(INDEX), {"export": "csv"}))
    headings = list(rows[0])
    assert any("[de] How did you hear about us?" in heading for heading in headings), headings
    assert rows[0][next(h for h in headings if "[de] How did you hear" in h)] == "From a friend"
    cohort_heading = next(h for h in headings if h in {"Ročník", "Jahrgang", "Kohorte", "Cohort"})
    assert all(row[cohort_heading].startswith("[de] ") for row in rows)


def test_query_count_does_not_grow_with_rows(client, mentee_form, rubric):
    coordinator = coordinator_user()
    client.force_login(coordinator)
    reviewer = UserFactory()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse(INDEX), {"export": "xlsx"})
            b"".join(response.streaming_content)
        return len(queries)

    for index in range(2):
        application = make_application(mentee_form, f"Applicant {index}", "goals")
        review(application, reviewer, [(rubric[0], 3)], "3.00") if index else None
    count()  # warm-up: content types, locales and the session are cached per process
    few = count()
    for index in range(2, 8):
        application = make_application(mentee_form, f"Applicant {index}", "goals")
        review(application, UserFactory(), [(rubric[0], 4), (rubric[1], 2)], "3.00")
    assert count() == few
