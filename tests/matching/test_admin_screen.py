"""The matching screen: coordinators of the cohort only, run, explanation, approve."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import UserFactory, make_cohort
from workflows.access.models import CohortRole
from workflows.matching.lifecycle import APPROVED, PROPOSED
from workflows.matching.models import Match, MatchingRun
from workflows.roles import COORDINATORS


@pytest.fixture
def staff_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.mark.django_db
def test_a_coordinator_of_another_cohort_gets_404(client, cohort, people):
    other = UserFactory(username="other", groups=[COORDINATORS])
    CohortRole.objects.create(user=other, role="coordinator", cohort=make_cohort(title="Other"))
    client.force_login(other)
    assert client.get(reverse("matching_admin:screen", args=[cohort.pk])).status_code == 404
    url = reverse("matching_admin:why_not", args=[cohort.pk])
    assert client.get(url, {"mentee": people["anna"].pk}).status_code == 404


@pytest.mark.django_db
def test_run_read_the_explanation_and_approve_all(staff_client, cohort, people, run_tasks_inline):
    url = reverse("matching_admin:screen", args=[cohort.pk])
    page = staff_client.get(url)
    assert page.status_code == 200
    html = BeautifulSoup(page.content, "html.parser")
    assert html.select("#mentee-column .matching-card") and html.select("#mentor-column .week-grid")
    staff_client.post(url, {"action": "run"})
    run = MatchingRun.objects.get()
    assert run.state == MatchingRun.State.DONE, run.refusal
    html = BeautifulSoup(staff_client.get(url).content, "html.parser")
    assert len(html.select("#proposal-form tbody tr[id^=proposal-]")) == 2
    assert "Discipline" in html.select_one(".pair-explanation").get_text()
    assert html.select_one("#run-greedy")
    why = staff_client.get(
        reverse("matching_admin:why_not", args=[cohort.pk]),
        {"mentee": people["anna"].pk, "mentor": people["jana"].pk},
    )
    answer = BeautifulSoup(why.content, "html.parser").select_one("#why-not-answer")
    assert answer is not None and answer["data-kind"] in {"paired", "score"}
    staff_client.post(url, {"action": "approve_all"})
    assert set(Match.objects.values_list("state", flat=True)) == {APPROVED}


@pytest.mark.django_db
def test_the_breakdown_is_in_the_viewers_language(staff_client, cohort, people, coordinator):
    from workflows.matching.runs import execute_run, start_run

    execute_run(start_run(cohort).pk)
    assert Match.objects.filter(state=PROPOSED).count() == 2
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "de"
    profile.save()
    page = staff_client.get(reverse("matching_admin:screen", args=[cohort.pk]))
    text = BeautifulSoup(page.content, "html.parser").select_one(".pair-explanation").get_text()
    assert "Fachgebiet" in text and "Discipline" not in text  # the criterion's German label


@pytest.mark.django_db
def test_approved_pairs_keep_their_explanation(staff_client, cohort, people, coordinator):
    from workflows.engine.actors import Actor
    from workflows.matching import services

    match = services.propose(cohort, people["anna"], people["petr"], Actor(user=coordinator))
    services.approve(match, Actor(user=coordinator))
    page = staff_client.get(reverse("matching_admin:screen", args=[cohort.pk]))
    row = BeautifulSoup(page.content, "html.parser").select_one(f"#committed-{match.pk}")
    assert row["data-state"] == APPROVED
    assert len(row.select(".breakdown tr")) == 6
