"""Listing rows and inspect pages offer what the signed-in person may do, with reasons."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.access.groups import COORDINATORS, REVIEWERS
from workflows.review.models import ReviewAssignment

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def inspect_actions(client, application) -> dict[str, str]:
    url = reverse("application_admin:inspect", args=[application.pk])
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return {
        li["data-workflow-action"]: li.get_text(" ", strip=True)
        for li in soup.select("[data-workflow-action]")
    }


def test_coordinator_sees_assign_and_decide_with_reasons_when_impossible():
    coordinator = UserFactory(groups=[COORDINATORS])
    client = client_for(coordinator)
    fresh = ApplicationFactory(state="submitted")
    actions = inspect_actions(client, fresh)
    # A coordinator of every cohort may also export and erase the person's data (privacy).
    assert set(actions) == {"assign", "decide", "withdraw", "privacy-export", "privacy-erase"}
    assert "not possible while the state is" in actions["decide"]
    full = make_cohort(capacity=0)
    in_review = ApplicationFactory(cohort=full, state="in_review")
    actions = inspect_actions(client, in_review)
    assert "not possible" not in actions["decide"]  # reject/waitlist remain possible
    decided = ApplicationFactory(state="rejected")
    actions = inspect_actions(client, decided)
    assert "Reviewers are assigned while" in actions["assign"]


def test_listing_rows_offer_only_possible_actions():
    coordinator = UserFactory(groups=[COORDINATORS])
    in_review = ApplicationFactory(state="in_review")
    page = client_for(coordinator).get(reverse("application_admin:index")).content.decode()
    review_url = reverse("review_admin:application", args=[in_review.pk])
    assert f"{review_url}#assign" in page and f"{review_url}#decide" in page


def test_reviewer_gets_open_the_review():
    reviewer = UserFactory(groups=[REVIEWERS])
    application = ApplicationFactory(state="in_review")
    assignment = ReviewAssignment.objects.create(application=application, reviewer=reviewer)
    actions = inspect_actions(client_for(reviewer), application)
    assert set(actions) == {"review"}
    page = client_for(reviewer).get(reverse("application_admin:index")).content.decode()
    assert reverse("review_admin:review", args=[assignment.pk]) in page


def test_a_coordinator_withdraws_with_a_reason_recorded_in_the_history():
    from workflows.engine.models import HistoryEntry

    coordinator = UserFactory(groups=[COORDINATORS])
    client = client_for(coordinator)
    application = ApplicationFactory(state="in_review")
    url = reverse("console:withdraw", args=[application.pk])
    refused = client.post(url, {"comment": ""})
    assert refused.status_code == 400
    application.refresh_from_db()
    assert application.state == "in_review"
    assert client.post(url, {"comment": "Asked by email on 2 December."}).status_code == 302
    application.refresh_from_db()
    assert application.state == "withdrawn"
    entry = HistoryEntry.objects.for_object(application).order_by("-pk").first()
    assert entry.transition == "withdraw" and entry.comment == "Asked by email on 2 December."
    actions = inspect_actions(client, application)
    assert "not possible while the state is" in actions["withdraw"]


def test_withdrawing_is_404_for_a_reviewer():
    application = ApplicationFactory(state="in_review")
    reviewer = UserFactory(groups=[REVIEWERS])
    url = reverse("console:withdraw", args=[application.pk])
    assert client_for(reviewer).post(url, {"comment": "x"}).status_code == 404
    application.refresh_from_db()
    assert application.state == "in_review"
