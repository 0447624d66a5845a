"""Bulk actions on the applications listing: automatic assignment and decisions."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.access.groups import COORDINATORS, REVIEWERS
from workflows.access.models import CohortRole
from workflows.review.models import ReviewAssignment, ReviewerProfile

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def bulk_url(action: str, applications) -> str:
    url = reverse("wagtail_bulk_action", args=("applications", "application", action))
    ids = "&".join(f"id={a.pk}" for a in applications)
    return f"{url}?{ids}&next={reverse('application_admin:index')}"


@pytest.fixture
def coordinator():
    return UserFactory(groups=[COORDINATORS])


def test_the_listing_offers_the_bulk_actions(coordinator):
    ApplicationFactory(state="submitted")
    page = client_for(coordinator).get(reverse("application_admin:index")).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select("input[data-bulk-action-checkbox]")
    assert "auto_assign" in page and "decide" in page


def test_bulk_assignment_reports_per_application_and_says_why_not_more(coordinator):
    cohort = make_cohort(capacity=5)
    free, busy = (UserFactory(groups=[REVIEWERS]) for _ in "ab")
    ReviewerProfile.objects.create(user=busy, max_open_reviews=0)
    applications = [ApplicationFactory(cohort=cohort, state="submitted") for _ in "ab"]
    client = client_for(coordinator)
    assert client.get(bulk_url("auto_assign", applications)).status_code == 200
    response = client.post(bulk_url("auto_assign", applications))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = soup.select("tr[data-application]")
    assert len(rows) == 2
    for application, row in zip(applications, rows, strict=True):
        assert row["data-application"] == str(application.pk)
        assert "1 of 2" in row.get_text()
        assert "limit of open reviews" in row.get_text()
    assert ReviewAssignment.objects.filter(reviewer=free).count() == 2
    assert not ReviewAssignment.objects.filter(reviewer=busy).exists()


def test_bulk_assignment_without_any_reviewer_names_the_reason(coordinator):
    application = ApplicationFactory(state="submitted")
    response = client_for(coordinator).post(bulk_url("auto_assign", [application]))
    assert "Nobody reviews this cohort" in response.content.decode()


def test_a_cohort_coordinator_cannot_bulk_act_on_another_cohort(cohort=None):
    mine, theirs = make_cohort(title="Mine"), make_cohort(title="Theirs")
    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=mine)
    UserFactory(groups=[REVIEWERS])
    foreign = ApplicationFactory(cohort=theirs, state="submitted")
    client_for(coordinator).post(bulk_url("auto_assign", [foreign]))
    assert not ReviewAssignment.objects.filter(application=foreign).exists()


def test_batch_decision_has_nothing_preselected_and_shows_places(coordinator):
    cohort = make_cohort(capacity=4)
    ApplicationFactory(cohort=cohort, state="accepted")
    applications = [ApplicationFactory(cohort=cohort, state="in_review") for _ in "ab"]
    page = client_for(coordinator).get(bulk_url("decide", applications))
    soup = BeautifulSoup(page.content, "html.parser")
    assert not soup.select("input[name=decision][checked]")
    assert not soup.select("input[name=email_applicant][checked]")
    assert "1 of 4 places taken" in soup.select_one("[data-places]").get_text()


def test_deciding_with_outstanding_reviews_asks_for_confirmation(coordinator):
    reviewer = UserFactory(groups=[REVIEWERS])
    application = ApplicationFactory(state="in_review")
    ReviewAssignment.objects.create(application=application, reviewer=reviewer)
    client = client_for(coordinator)
    data = {"decision": "reject", "message": ""}
    refused = client.post(bulk_url("decide", [application]), data)
    assert "confirm" in refused.content.decode().lower()
    application.refresh_from_db()
    assert application.state == "in_review"
    done = client.post(bulk_url("decide", [application]), {**data, "confirm_outstanding": "on"})
    assert f'data-decided="{application.pk}"' in done.content.decode()
    application.refresh_from_db()
    assert application.state == "rejected"


def test_batch_decision_reports_refusals_with_their_reason(coordinator):
    cohort = make_cohort(capacity=1)
    applications = [ApplicationFactory(cohort=cohort, state="in_review") for _ in "ab"]
    response = client_for(coordinator).post(
        bulk_url("decide", applications), {"decision": "accept", "message": ""}
    )
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select("[data-decided]")) == 1
    (refused,) = soup.select("[data-refused]")
    assert "full" in refused.get_text()
