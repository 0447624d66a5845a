"""The new cohort inherits every per-cohort setting; previous mentors are invited once each."""

from __future__ import annotations

from datetime import date

import pytest

from applications.models import Application
from tests.factories import ApplicationFactory, PersonFactory
from workflows.access.models import CohortRole
from workflows.agreements.models import ORDER_MENTOR_FIRST, AgreementSettings
from workflows.evaluation.models import Survey, SurveyRound
from workflows.matching.models import MatchingSettings
from workflows.next_cohort.cloning import clone_cohort
from workflows.next_cohort.invitations import InvitationRefused, invite_previous_mentors
from workflows.notifications.models import OutboundEmail
from workflows.programme_life.models import ProgrammeSettings

pytestmark = pytest.mark.django_db


def test_settings_of_every_domain_app_are_copied_with_survey_dates_a_year_later(
    translated_cohort, coordinator, reviewer, locales
):
    old = translated_cohort
    MatchingSettings.objects.create(
        cohort=old, weights={"topics": 7}, switches={"language": False}, participants_say=True
    )
    AgreementSettings.objects.create(
        cohort=old, signing_order=ORDER_MENTOR_FIRST, consent_version="2025-2"
    )
    ProgrammeSettings.objects.create(cohort=old, nudge_after_weeks=6, remind_hours_before=48)
    survey = Survey.objects.create(title="End survey", questions=[], locale=locales["en"])
    SurveyRound.objects.create(
        cohort=old,
        survey=survey,
        moment="end",
        send_on=date(2026, 7, 15),
        sent_at="2026-07-15T08:00Z",
    )
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=old)
    CohortRole.objects.create(user=reviewer, role="reviewer", cohort=old)

    new = clone_cohort(old, user=coordinator).cohort

    matching = MatchingSettings.objects.get(cohort=new)
    assert (matching.weights, matching.switches, matching.participants_say) == (
        {"topics": 7},
        {"language": False},
        True,
    )
    agreement = AgreementSettings.objects.get(cohort=new)
    assert (agreement.signing_order, agreement.consent_version) == (ORDER_MENTOR_FIRST, "2025-2")
    programme = ProgrammeSettings.objects.get(cohort=new)
    assert (programme.nudge_after_weeks, programme.remind_hours_before) == (6, 48)
    survey_round = SurveyRound.objects.get(cohort=new)
    assert (survey_round.survey, survey_round.moment) == (survey, "end")
    assert survey_round.send_on == date(2027, 7, 15) and survey_round.sent_at is None
    # The one-cohort coordinator keeps coordinating the successor; reviewers are chosen anew.
    assert list(CohortRole.objects.filter(cohort=new).values_list("user", "role")) == [
        (coordinator.pk, "coordinator")
    ]
    # The old cohort keeps its own rows.
    assert MatchingSettings.objects.filter(cohort=old).exists()
    assert SurveyRound.objects.get(cohort=old).sent_at is not None


def mentor(cohort, language: str, state: str, name: str) -> Application:
    person = PersonFactory(full_name=name, preferred_language=language)
    return ApplicationFactory(person=person, cohort=cohort, role="mentor", state=state)


def test_previous_mentors_are_invited_once_each_in_their_language(
    translated_cohort, editing_coordinator, locales
):
    old = translated_cohort
    german = mentor(old, "de", "completed", "Anna Berger")
    czech = mentor(old, "cs", "active", "Petr Dvořák")
    mentor(old, "en", "rejected", "Not Accepted")
    mentor(old, "cs", "submitted", "Still Waiting")
    ApplicationFactory(cohort=old, role="mentee", state="completed")
    new = clone_cohort(old, user=editing_coordinator, publish=True).cohort

    assert invite_previous_mentors(old, new) == 2
    assert invite_previous_mentors(old, new) == 0  # a second click sends nothing new

    emails = {
        email.to: email for email in OutboundEmail.objects.filter(key__startswith="next-cohort:")
    }
    assert set(emails) == {german.person.email, czech.person.email}
    de_email, cs_email = emails[german.person.email], emails[czech.person.email]
    assert (de_email.language, cs_email.language) == ("de", "cs")
    de_form = (
        new.get_children().get(applicationformpage__role="mentor").get_translation(locales["de"])
    )
    cs_form = (
        new.get_children().get(applicationformpage__role="mentor").get_translation(locales["cs"])
    )
    assert de_form.url in de_email.body_text and cs_form.url in cs_email.body_text
    assert "[de] Cohort 2026/27" in de_email.subject
    assert "[cs] Cohort 2026/27" in cs_email.subject


def test_no_invitation_before_the_new_mentor_form_is_published(translated_cohort, coordinator):
    old = translated_cohort
    mentor(old, "de", "completed", "Anna Berger")
    new = clone_cohort(old, user=coordinator).cohort
    with pytest.raises(InvitationRefused):
        invite_previous_mentors(old, new)
    assert not OutboundEmail.objects.filter(key__startswith="next-cohort:").exists()
