"""Mentees and mentors in the portal: only their own approved match, confirm, decline."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.session import SESSION_KEY
from workflows.engine.actors import Actor
from workflows.matching import services
from workflows.matching.lifecycle import DECLINED, MENTEE_CONFIRMED
from workflows.matching.models import Match


def signed_in(client, person):
    session = client.session
    session[SESSION_KEY] = person.pk
    session.save()
    return client


@pytest.fixture
def approved(cohort, people, coordinator):
    actor = Actor(user=coordinator)
    match = services.propose(cohort, people["anna"], people["petr"], actor)
    services.approve(match, actor)
    return match


@pytest.mark.django_db
def test_someone_elses_match_and_an_unapproved_proposal_are_404(
    client, cohort, people, coordinator, approved
):
    url = reverse("matching:detail", args=[approved.pk])
    assert signed_in(client, people["lukas"].person).get(url).status_code == 404
    proposal = services.propose(cohort, people["lukas"], people["jana"], Actor(user=coordinator))
    own_proposal = reverse("matching:detail", args=[proposal.pk])
    assert client.get(own_proposal).status_code == 404


@pytest.mark.django_db
def test_signed_out_visitors_go_to_the_sign_in(client, approved):
    response = client.get(reverse("matching:detail", args=[approved.pk]))
    assert response.status_code == 302 and "/portal/sign-in/" in response["Location"]


@pytest.mark.django_db
def test_the_mentee_confirms_and_sees_the_mentor(client, people, approved):
    signed_in(client, people["anna"].person)
    url = reverse("matching:detail", args=[approved.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Petr Novak" in page.content.decode()
    assert client.post(url, {"action": "confirm"}).status_code == 302
    approved.refresh_from_db()
    assert approved.state == MENTEE_CONFIRMED


@pytest.mark.django_db
def test_declining_needs_a_reason_then_frees_both(client, people, approved):
    signed_in(client, people["petr"].person)
    url = reverse("matching:detail", args=[approved.pk])
    refused = client.post(url, {"action": "decline", "reason": ""})
    assert refused.status_code == 400 and "field__error" in refused.content.decode()
    assert client.post(url, {"action": "decline", "reason": "No time."}).status_code == 302
    assert Match.objects.get(pk=approved.pk).state == DECLINED
