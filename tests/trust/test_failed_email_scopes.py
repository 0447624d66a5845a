"""Failed emails of matching, agreements, the programme year and surveys are scoped to their
cohort: a coordinator of cohort A sees A's failures and not B's (before their key prefixes were
registered, a scoped coordinator saw none of them, not even their own cohort's)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from tests.evaluation.conftest import make_survey
from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.access.models import CohortRole
from workflows.agreements.models import Agreement
from workflows.evaluation.models import SurveyInvitation, SurveyRound
from workflows.matching.models import Match
from workflows.notifications.failures import failed_emails_for
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import outbox_email
from workflows.programme_life.models import Meeting
from workflows.roles import COORDINATORS

pytestmark = pytest.mark.django_db


def failed_email(key: str) -> OutboundEmail:
    email, _created = outbox_email(
        key=key,
        to=f"{key.replace(':', '.')}@example.org",
        language="en",
        template="application_submitted",
        context={"full_name": "Jana Nováková", "reference": 1},
    )
    OutboundEmail.objects.filter(pk=email.pk).update(status=OutboundEmail.Status.FAILED)
    return email


def match_in(cohort) -> Match:
    return Match.objects.create(
        cohort=cohort,
        mentee_application=ApplicationFactory(cohort=cohort, role="mentee"),
        mentor_application=ApplicationFactory(cohort=cohort, role="mentor"),
    )


def emails_about(cohort) -> dict[str, OutboundEmail]:
    """One failed email of each kind, with keys as their senders build them."""
    match = match_in(cohort)
    agreement = Agreement.objects.create(match=match)
    meeting = Meeting.objects.create(
        match=match,
        author=match.mentee_application.person,
        starts_at=timezone.now() + dt.timedelta(days=3),
        mode=Meeting.Mode.ONLINE,
    )
    survey_round = SurveyRound.objects.create(
        cohort=cohort,
        survey=make_survey(),
        moment=SurveyRound.Moment.END,
        audience=SurveyRound.Audience.MENTEES,
        send_on=timezone.localdate(),
    )
    invitation = SurveyInvitation.objects.create(
        round=survey_round, person=match.mentee_application.person, role="mentee"
    )
    application = match.mentee_application
    return {
        "match": failed_email(f"match:{match.pk}:1:propose"),
        "agreement": failed_email(f"agreement:{agreement.pk}:2:issue"),
        "meeting": failed_email(f"meeting:{meeting.pk}:3:plan"),
        "meeting reminder": failed_email(f"meeting:{meeting.pk}:reminder:1:202611011000"),
        "tandem nudge": failed_email(f"tandem:{match.pk}:nudge:1:20261101"),
        "survey": failed_email(f"survey:{invitation.pk}:invite"),
        "duplicate": failed_email(f"application-duplicate:{application.pk}:2026-11-01"),
    }


def test_a_scoped_coordinator_sees_their_cohorts_failed_emails_of_every_kind_and_no_other():
    mine, theirs = make_cohort(title="Cohort A"), make_cohort(title="Cohort B")
    coordinator = UserFactory(username="scoped", groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, cohort=mine, role=CohortRole.Role.COORDINATOR)
    own = emails_about(mine)
    other = emails_about(theirs)
    visible = {email.pk for email in failed_emails_for(coordinator)}
    assert {kind for kind, email in own.items() if email.pk not in visible} == set()
    assert {kind for kind, email in other.items() if email.pk in visible} == set()
    everyone = {e.pk for e in failed_emails_for(UserFactory(groups=[COORDINATORS]))}
    assert {e.pk for e in [*own.values(), *other.values()]} <= everyone
