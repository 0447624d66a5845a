"""A rejection with its reason reaches both parties and the coordinator, each in their
language; issuing tells both parties where to read and sign."""

from __future__ import annotations

import pytest

from workflows.agreements import services
from workflows.engine.actors import Actor
from workflows.notifications.models import OutboundEmail

pytestmark = pytest.mark.django_db


def test_reject_tells_everyone_involved_with_the_reason(match, run_tasks_inline):
    from tests.factories import UserFactory
    from workflows.roles import COORDINATORS

    coordinator = UserFactory(groups=[COORDINATORS], email="eva@example.cz")
    agreement = services.create_draft(match, Actor(user=coordinator))
    services.issue(agreement, Actor(user=coordinator))
    issued = {email.to: email for email in OutboundEmail.objects.all()}
    mentee, mentor = match.mentee_application.person, match.mentor_application.person
    assert issued[mentee.email].language == "de" and issued[mentor.email].language == "cs"
    assert f"/de/portal/agreements/{agreement.pk}/" in issued[mentee.email].body_text
    agreement.refresh_from_db()
    services.reject(agreement, "mentor", Actor(person=mentor), "Chybí cíle mentora.")
    rejected = OutboundEmail.objects.filter(template="agreement_reject")
    assert {e.to for e in rejected} == {mentee.email, mentor.email, coordinator.email}
    assert all("Chybí cíle mentora." in e.body_text for e in rejected)
    assert {e.to: e.language for e in rejected}[mentee.email] == "de"
