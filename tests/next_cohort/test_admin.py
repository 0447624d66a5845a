"""The admin screens: the cohort's coordinators confirm, clone and invite; others get 404."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils.formats import date_format

from cohorts.models import CohortPage
from tests.factories import UserFactory, make_cohort
from workflows.access.groups import COORDINATORS
from workflows.access.models import CohortRole

pytestmark = pytest.mark.django_db


def test_coordinator_sees_new_dates_clones_and_gets_the_new_pages_and_invite_button(
    client, translated_cohort, coordinator
):
    client.force_login(coordinator)
    url = reverse("next_cohort_admin:clone", args=[translated_cohort.pk])
    page = client.get(url).content.decode()
    assert "Cohort 2026/27" in page and date_format(date(2026, 11, 1)) in page
    assert 'name="publish"' not in page  # a coordinator who is no editor clones drafts
    later = client.get(url, {"years": "3"}).content.decode()
    assert "Cohort 2028/29" in later and date_format(date(2028, 11, 1)) in later
    assert "Cohort 2026/27" in client.get(url, {"years": "99"}).content.decode()

    response = client.post(url)
    new = CohortPage.objects.get(title="Cohort 2026/27", locale__language_code="en")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "next_cohort_admin:done", kwargs={"old": translated_cohort.pk, "new": new.pk}
    )
    done = client.get(response["Location"]).content.decode()
    assert "[cs] Cohort 2026/27" in done and "[de] Cohort 2026/27" in done
    assert "Publish the new cohort" in done  # forms are drafts: no invite button yet


def test_page_listing_offers_the_clone_button_to_the_cohorts_coordinator(
    client, translated_cohort, editing_coordinator
):
    client.force_login(editing_coordinator)
    listing = client.get(reverse("wagtailadmin_explore", args=[translated_cohort.get_parent().pk]))
    assert (
        reverse("next_cohort_admin:clone", args=[translated_cohort.pk]) in listing.content.decode()
    )


def test_reviewer_and_coordinator_of_another_cohort_get_404(client, translated_cohort, reviewer):
    other = UserFactory(username="other-coordinator", groups=[COORDINATORS])
    CohortRole.objects.create(user=other, role="coordinator", cohort=make_cohort(title="Other"))
    url = reverse("next_cohort_admin:clone", args=[translated_cohort.pk])
    for user in (reviewer, other):
        client.force_login(user)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
        done = reverse(
            "next_cohort_admin:invite",
            kwargs={"old": translated_cohort.pk, "new": translated_cohort.pk},
        )
        assert client.post(done).status_code == 404
    assert CohortPage.objects.filter(locale__language_code="en").count() == 2
