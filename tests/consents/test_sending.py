"""Optional emails respect a withdrawn consent: no survey invitation for someone who withdrew
"evaluation", no invitation to the next cohort for someone who withdrew "programme_contact".
Nothing recorded is not a withdrawal: everyone else is invited as before."""

from __future__ import annotations

import pytest

from consents.purposes import EVALUATION, PROGRAMME_CONTACT
from consents.services import record_consent
from tests.evaluation.conftest import end_round  # noqa: F401 - fixture
from tests.factories import ApplicationFactory, PersonFactory
from tests.next_cohort.conftest import (  # noqa: F401 - fixtures
    editing_coordinator,
    old_cohort,
    translated_cohort,
)
from workflows.engine.actors import Actor
from workflows.evaluation import services as evaluation
from workflows.evaluation.models import SurveyInvitation
from workflows.next_cohort.cloning import clone_cohort
from workflows.next_cohort.invitations import invite_previous_mentors
from workflows.notifications.models import OutboundEmail

pytestmark = pytest.mark.django_db


def withdraw(person, purpose):
    for granted in (True, False):
        record_consent(
            person, purpose, granted=granted, notice_version="1", source="portal", actor=Actor()
        )


def test_no_survey_invitation_for_someone_who_withdrew_evaluation(end_round):  # noqa: F811
    survey_round, tandems = end_round
    declined = tandems[0].mentee_application.person
    withdraw(declined, EVALUATION)
    record_consent(
        tandems[1].mentee_application.person,
        EVALUATION,
        granted=True,
        notice_version="1",
        source="portal",
        actor=Actor(),
    )
    assert evaluation.send_round(survey_round) == len(tandems) - 1
    assert not SurveyInvitation.objects.filter(person=declined).exists()
    assert not OutboundEmail.objects.filter(to=declined.email).exists()
    assert OutboundEmail.objects.filter(key__startswith="survey:").count() == len(tandems) - 1


def test_no_next_cohort_invitation_for_a_mentor_who_withdrew_programme_contact(
    translated_cohort,  # noqa: F811
    editing_coordinator,  # noqa: F811
):
    old = translated_cohort
    keen = PersonFactory(full_name="Anna Berger", preferred_language="de")
    declined = PersonFactory(full_name="Petr Dvořák", preferred_language="cs")
    for person in (keen, declined):
        ApplicationFactory(person=person, cohort=old, role="mentor", state="completed")
    withdraw(declined, PROGRAMME_CONTACT)
    new = clone_cohort(old, user=editing_coordinator, publish=True).cohort
    assert invite_previous_mentors(old, new) == 1
    sent_to = set(
        OutboundEmail.objects.filter(key__startswith="next-cohort:").values_list("to", flat=True)
    )
    assert sent_to == {keen.email}
