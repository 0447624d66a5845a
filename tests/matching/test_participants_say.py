"""Participants' say: mentees rank anonymised mentor profiles or veto; mentors lower their
capacity or exclude topics; the next run honours it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.matching.test_participant_views import signed_in
from tests.matching.test_runs_and_services import run_now
from workflows.engine.engine import TransitionRefused
from workflows.matching import say
from workflows.matching.inputs import settings_for
from workflows.matching.lifecycle import PROPOSED
from workflows.matching.models import Match


@pytest.fixture
def say_on(cohort):
    chosen = settings_for(cohort)
    chosen.participants_say = True
    chosen.save()
    return chosen


@pytest.mark.django_db
def test_profiles_are_anonymised_and_closed_without_say(client, cohort, people):
    url = reverse("matching:wishes", args=[people["anna"].pk])
    page = signed_in(client, people["anna"].person).get(url)
    assert "wishes-closed" in page.content.decode()
    settings_for(cohort).__class__.objects.filter(cohort=cohort).update(participants_say=True)
    page = client.get(url).content.decode()
    assert "Profile A" in page and "Profile B" in page
    assert "Petr Novak" not in page and "University of West Bohemia" not in page


@pytest.mark.django_db
def test_a_veto_and_a_ranking_steer_the_next_run(client, cohort, people, say_on):
    anna, petr, jana = people["anna"], people["petr"], people["jana"]
    signed_in(client, anna.person)
    url = reverse("matching:wishes", args=[anna.pk])
    response = client.post(url, {f"rank_{jana.pk}": "1", f"veto_{petr.pk}": "1"})
    assert response.status_code == 302
    run = run_now(cohort)
    assert Match.objects.get(mentee_application=anna, state=PROPOSED).mentor_application == jana
    assert run.result["top3"]["top3_ranked"] == 1
    assert run.switches["veto"] is True


@pytest.mark.django_db
def test_bad_rankings_are_refused_with_a_reason(cohort, people, say_on):
    anna, petr, jana = people["anna"], people["petr"], people["jana"]
    with pytest.raises(TransitionRefused, match="each rank once"):
        say.save_rankings(anna, {petr.pk: 1, jana.pk: 1}, set())
    with pytest.raises(TransitionRefused, match="both ranked and vetoed"):
        say.save_rankings(anna, {petr.pk: 1}, {petr.pk})
    with pytest.raises(TransitionRefused, match="profiles shown"):
        say.save_rankings(anna, {people["lukas"].pk: 1}, set())


@pytest.mark.django_db
def test_a_mentor_lowers_capacity_and_excludes_a_topic(client, cohort, people, zcu, say_on):
    from tests.matching.conftest import accepted

    karel = accepted(cohort, "mentor", "Karel Mach", institution=zcu, capacity=3)
    signed_in(client, karel.person)
    url = reverse("matching:preferences", args=[karel.pk])
    refused = client.post(url, {"capacity": "4", "excluded_topics": ""})
    assert refused.status_code == 400
    client.post(url, {"capacity": "1", "excluded_topics": "Mechanical-engineering"})
    run_now(cohort)
    assert not Match.objects.filter(mentor_application=karel).exists()
    assert run_now(cohort).inputs["mentors"][-1]["capacity"] == 1
