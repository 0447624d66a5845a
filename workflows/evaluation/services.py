"""Sending a survey round to a cohort, and recording an answer: one transaction each."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consents.purposes import EVALUATION
from consents.services import withdrawn_person_ids
from workflows.evaluation.goals import split_goals
from workflows.evaluation.models import SurveyInvitation, SurveyResponse, SurveyRound
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match
from workflows.notifications.services import queue_email

MENTEE, MENTOR = "mentee", "mentor"


class AnswerRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Invitee:
    person: object
    role: str
    goals: list[str]


def invitees(survey_round: SurveyRound) -> list[Invitee]:
    """The cohort's tandem members the round is meant for."""
    matches = Match.objects.filter(cohort=survey_round.cohort, state=CONFIRMED).select_related(
        "mentee_application__person",
        "mentee_application__profile",
        "mentor_application__person",
    )
    audience = survey_round.audience
    people: list[Invitee] = []
    for match in matches:
        if audience in (SurveyRound.Audience.ALL, SurveyRound.Audience.MENTEES):
            profile = getattr(match.mentee_application, "profile", None)
            goals = split_goals(profile.goals if profile else "")
            people.append(Invitee(match.mentee_application.person, MENTEE, goals))
        if audience in (SurveyRound.Audience.ALL, SurveyRound.Audience.MENTORS):
            people.append(Invitee(match.mentor_application.person, MENTOR, []))
    return people


def survey_url(invitation: SurveyInvitation) -> str:
    with translation.override(invitation.person.preferred_language or "en"):
        return settings.SITE_URL + reverse("evaluation:answer", kwargs={"token": invitation.token})


def send_round(survey_round: SurveyRound, *, now=None, email: bool = True) -> int:
    """Invite everyone the round is for (once each) and email them in their language.

    Safe to run twice: invitations are unique per person and round, emails keyed per
    invitation. People who withdrew their consent to evaluation surveys (consents app) are
    neither invited nor emailed. Returns the number of invitations this call created.
    """
    now = now or timezone.now()
    created_count = 0
    with transaction.atomic():
        people = invitees(survey_round)
        declined = withdrawn_person_ids(EVALUATION, [invitee.person.pk for invitee in people])
        for invitee in people:
            if invitee.person.pk in declined:
                continue
            invitation, created = SurveyInvitation.objects.get_or_create(
                round=survey_round,
                person=invitee.person,
                defaults={"role": invitee.role, "goals": invitee.goals},
            )
            created_count += created
            if email:
                survey = survey_round.survey.in_language(invitee.person.preferred_language)
                queue_email(
                    key=f"survey:{invitation.pk}:invite",
                    to=invitee.person.email,
                    language=invitee.person.preferred_language,
                    template="evaluation_survey_invite",
                    context={
                        "name": invitee.person.full_name,
                        "survey_title": survey.title,
                        "survey_url": survey_url(invitation),
                    },
                )
        SurveyRound.objects.filter(pk=survey_round.pk, sent_at__isnull=True).update(sent_at=now)
    return created_count


def submit_answers(invitation: SurveyInvitation, answers: dict, language: str, *, today=None):
    """Store one anonymous response; the invitation is marked answered by compare-and-set, so
    a second submission (or two at once) is refused."""
    today = today or timezone.localdate()
    with transaction.atomic():
        marked = SurveyInvitation.objects.filter(pk=invitation.pk, answered_on__isnull=True).update(
            answered_on=today
        )
        if marked != 1:
            raise AnswerRefused(_("This survey has already been answered. Thank you!"))
        return SurveyResponse.objects.create(
            round=invitation.round,
            role=invitation.role,
            language=language,
            answers=answers,
            submitted_on=today,
        )
