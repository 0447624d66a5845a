"""The programme-year page tells a global coordinator when submissions wait for a worker that
is not running (new applications would not reach the queues yet), and nobody else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from applications.models import ReceivedSubmission
from tests.factories import UserFactory
from workflows.console import year
from workflows.roles import COORDINATORS


def received(cohort, minutes_ago: float) -> ReceivedSubmission:
    return ReceivedSubmission.objects.create(
        cohort=cohort,
        role="mentee",
        language="en",
        answers={"email": "late@example.cz"},
        received_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


@pytest.mark.django_db
def test_only_submissions_waiting_minutes_count(coordinator, cohort):
    received(cohort, minutes_ago=0)
    assert year.submissions_waiting(coordinator) == 0  # the worker takes it in a moment
    received(cohort, minutes_ago=3)
    assert year.submissions_waiting(coordinator) == 1


@pytest.mark.django_db
def test_a_one_cohort_coordinator_is_not_told(cohort):
    from workflows.access.models import CohortRole

    user = UserFactory(username="one-cohort", groups=[COORDINATORS])
    CohortRole.objects.create(user=user, cohort=cohort, role="coordinator")
    received(cohort, minutes_ago=3)
    assert year.submissions_waiting(user) is None


@pytest.mark.django_db
def test_the_year_page_says_so(client, coordinator, cohort):
    client.force_login(coordinator)
    url = reverse("console:year")
    assert 'id="submissions-waiting"' not in client.get(url).content.decode()
    received(cohort, minutes_ago=3)
    body = client.get(url).content.decode()
    assert 'id="submissions-waiting"' in body
    assert "1 submission is waiting for the background worker" in body
