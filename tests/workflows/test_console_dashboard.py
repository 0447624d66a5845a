"""The intake dashboard: the figures per cohort and role, their links, their query count."""

from __future__ import annotations

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from applications.admin.filters import ApplicationFilterSet
from applications.models import Application
from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.access.groups import COORDINATORS, REVIEWERS
from workflows.access.models import CohortRole
from workflows.console.dashboard import intake
from workflows.review.models import ReviewAssignment

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def assign(application, reviewer, status="assigned", due_in_days=7):
    return ReviewAssignment.objects.create(
        application=application,
        reviewer=reviewer,
        status=status,
        due_on=timezone.localdate() + timedelta(days=due_in_days),
    )


@pytest.fixture
def intake_of_one_cohort():
    """Mentees of one cohort in every queue (capacity 3)."""
    cohort = make_cohort(title="Intake 2026/27", capacity=3)
    first, second = (UserFactory(groups=[REVIEWERS]) for _ in "ab")
    fresh = ApplicationFactory(cohort=cohort, state="submitted")
    half = ApplicationFactory(cohort=cohort, state="in_review")
    assign(half, first)
    late = ApplicationFactory(cohort=cohort, state="in_review")
    assign(late, first, due_in_days=-2)
    assign(late, second)
    ready = ApplicationFactory(cohort=cohort, state="in_review")
    assign(ready, first, status="submitted")
    assign(ready, second, status="submitted")
    accepted = ApplicationFactory(cohort=cohort, state="accepted")
    ApplicationFactory(cohort=cohort, state="rejected")
    return cohort, {
        "fresh": fresh,
        "half": half,
        "late": late,
        "ready": ready,
        "accepted": accepted,
    }


def figures_of(user, cohort, role="mentee"):
    (found,) = [c for c in intake(user) if c.key == str(cohort.translation_key)]
    (figures,) = [r for r in found.roles if r.role == role]
    return figures


def test_queues_and_places_count_the_right_applications(intake_of_one_cohort):
    cohort, apps = intake_of_one_cohort
    figures = figures_of(UserFactory(groups=[COORDINATORS]), cohort)
    queues = {q.key: q.count for q in figures.queues}
    # fresh (0 reviewers) and half (1 of 2) need reviewers; late has one overdue review.
    assert queues == {"needs_reviewers": 2, "reviews_overdue": 1, "ready_to_decide": 1}
    assert (figures.places_taken, figures.capacity) == (1, 3)
    assert figures.total == 6
    assert {s.label: s.count for s in figures.states} == {
        "Submitted": 1,
        "In review": 3,
        "Accepted": 1,
        "Rejected": 1,
    }
    assert [step.count for step in figures.funnel] == [6, 5, 2, 1]


def test_every_figure_links_to_a_listing_with_exactly_those_applications(intake_of_one_cohort):
    cohort, apps = intake_of_one_cohort
    coordinator = UserFactory(groups=[COORDINATORS])
    figures = figures_of(coordinator, cohort)
    client = client_for(coordinator)
    for figure in [*figures.queues, *figures.states]:
        query = figure.url.split("?", 1)[1]
        params = {}
        for pair in query.split("&"):
            key, value = pair.split("=")
            params.setdefault(key, []).append(value)
        data = {k: v if k == "state" else v[0] for k, v in params.items()}
        listed = ApplicationFilterSet(data, queryset=Application.objects.all()).qs
        assert listed.count() == figure.count, figure
        assert client.get(figure.url).status_code == 200
    ready_url = next(q.url for q in figures.queues if q.key == "ready_to_decide")
    page = client.get(ready_url).content.decode()
    assert apps["ready"].person.full_name in page
    assert apps["fresh"].person.full_name not in page


def test_the_query_count_does_not_grow_with_applications(intake_of_one_cohort):
    cohort, _ = intake_of_one_cohort
    coordinator = UserFactory(groups=[COORDINATORS])
    client = client_for(coordinator)
    url = reverse("console:dashboard")
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        assert client.get(url).status_code == 200
    other = make_cohort(title="Another intake")
    for index in range(8):
        ApplicationFactory(cohort=other if index % 2 else cohort, state="in_review")
    with CaptureQueriesContext(connection) as after:
        assert client.get(url).status_code == 200
    assert len(after) == len(before)


def test_a_cohort_coordinator_sees_only_their_cohort(intake_of_one_cohort):
    cohort, _ = intake_of_one_cohort
    other = make_cohort(title="Other cohort")
    ApplicationFactory(cohort=other, state="submitted")
    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=other)
    keys = {c.key for c in intake(coordinator)}
    assert keys == {str(other.translation_key)}


def test_dashboard_page_and_home_panel_for_staff_only(intake_of_one_cohort):
    cohort, _ = intake_of_one_cohort
    coordinator = UserFactory(groups=[COORDINATORS])
    page = client_for(coordinator).get(reverse("console:dashboard"))
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find(attrs={"data-queue": "needs_reviewers"}) is not None
    assert cohort.title in page.content.decode()
    home = client_for(coordinator).get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("console:dashboard") in home
    editor = UserFactory(groups=["Editors"])
    response = client_for(editor).get(reverse("console:dashboard"))
    assert response.status_code in (302, 403)


def test_a_reviewer_sees_their_own_queue(intake_of_one_cohort):
    reviewer = ReviewAssignment.objects.filter(due_on__lt=timezone.localdate()).get().reviewer
    page = client_for(reviewer).get(reverse("console:dashboard"))
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    counts = [c.get_text() for c in soup.select("#intake-reviewer ~ ul .intake__count")]
    assert counts == ["2", "1", "1"]  # half and late open (late overdue), ready submitted
