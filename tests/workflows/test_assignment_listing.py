"""The review assignments listing: full names, filters by cohort, reviewer and state, the open
cohort first."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.factories import ApplicationFactory, PersonFactory, UserFactory, make_cohort
from workflows.access.groups import COORDINATORS, REVIEWERS
from workflows.review.models import ReviewAssignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing():
    closed = make_cohort(title="Pilot 2023/24", open_now=False)
    open_ = make_cohort(title="Intake 2026/27")
    jana = UserFactory(groups=[REVIEWERS], first_name="Jana", last_name="Nováková")
    petr = UserFactory(groups=[REVIEWERS], first_name="Petr", last_name="Svoboda")
    old = ApplicationFactory(cohort=closed, person=PersonFactory(full_name="Old Applicant"))
    new = ApplicationFactory(cohort=open_, person=PersonFactory(full_name="New Applicant"))
    ReviewAssignment.objects.create(application=old, reviewer=jana, status="submitted")
    ReviewAssignment.objects.create(application=new, reviewer=petr)
    client = Client()
    client.force_login(UserFactory(groups=[COORDINATORS]))
    return client, open_, jana


def rows(response) -> list[str]:
    soup = BeautifulSoup(response.content, "html.parser")
    return [row.get_text(" ", strip=True) for row in soup.select("tbody tr")]


def test_full_names_and_the_open_cohort_first(listing):
    client, _open, _jana = listing
    found = rows(client.get(reverse("review_assignments:index")))
    assert len(found) == 2
    assert "New Applicant" in found[0] and "Petr Svoboda" in found[0]
    assert "Old Applicant" in found[1] and "Jana Nováková" in found[1]


def test_filters_by_cohort_reviewer_and_state(listing):
    client, open_, jana = listing
    url = reverse("review_assignments:index")
    by_cohort = rows(client.get(url, {"cohort": str(open_.translation_key)}))
    assert [r for r in by_cohort if "New Applicant" in r] == by_cohort and by_cohort
    by_reviewer = rows(client.get(url, {"reviewer": str(jana.pk)}))
    assert len(by_reviewer) == 1 and "Jana Nováková" in by_reviewer[0]
    by_state = rows(client.get(url, {"status": "assigned"}))
    assert len(by_state) == 1 and "Petr Svoboda" in by_state[0]
