"""Survey rounds: invitations once each in the invitee's language, anonymous answers, once."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.factories import PersonFactory
from workflows.evaluation import services, tasks
from workflows.evaluation.models import SurveyInvitation, SurveyResponse

pytestmark = pytest.mark.django_db

ANSWER = {
    "satisfaction": "4",
    "recommend": "9",
    "goals__0": "5",
    "goals__1": "3",
    "goals__2": "4",
    "comment": "Danke!",
}


def test_a_due_round_invites_each_mentee_once_with_their_goals(end_round, run_tasks_inline):
    survey_round, tandems = end_round
    assert tasks.send_due_surveys() == 1
    assert tasks.send_due_surveys() == 0
    services.send_round(survey_round)  # a second run changes nothing
    invitations = SurveyInvitation.objects.filter(round=survey_round)
    assert invitations.count() == 5
    assert invitations.first().goals == [
        "Decide about a doctorate",
        "Publish a first paper",
        "Visit a lab",
    ]
    assert len(mail.outbox) == 5
    assert all("/de/survey/" in message.body for message in mail.outbox)


def test_the_answer_is_stored_without_the_person_and_only_once(client, end_round):
    survey_round, _tandems = end_round
    services.send_round(survey_round, email=False)
    invitation = SurveyInvitation.objects.filter(round=survey_round).first()
    page = client.get(f"/de/survey/{invitation.token}/").content.decode()
    assert "DE How satisfied are you?" in page and "Publish a first paper" in page
    response = client.post(f"/de/survey/{invitation.token}/", ANSWER)
    assert response.status_code == 200
    stored = SurveyResponse.objects.get()
    assert stored.answers == {
        "satisfaction": 4,
        "recommend": 9,
        "goals": [5, 3, 4],
        "comment": "Danke!",
    }
    field_names = {f.name for f in SurveyResponse._meta.get_fields()}
    assert not field_names & {"person", "invitation", "email"}
    again = client.post(f"/de/survey/{invitation.token}/", ANSWER)
    assert again.status_code == 200 and 'id="survey-answered"' in again.content.decode()
    assert SurveyResponse.objects.count() == 1


def test_a_missing_rating_is_refused_at_its_field_and_the_rest_kept(client, end_round):
    survey_round, _ = end_round
    services.send_round(survey_round, email=False)
    invitation = SurveyInvitation.objects.filter(round=survey_round).first()
    response = client.post(
        f"/en/survey/{invitation.token}/", {**ANSWER, "satisfaction": "", "comment": "kept ✓"}
    )
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"satisfaction"}
    assert "kept ✓" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_someone_outside_the_cohort_cannot_answer(client, end_round):
    survey_round, _ = end_round
    services.send_round(survey_round, email=False)
    assert client.post("/en/survey/made-up-token/", ANSWER).status_code == 404
    outsider = PersonFactory()
    session = client.session
    session["portal_person_id"] = outsider.pk
    session.save()
    assert "Answer the survey" not in client.get("/en/portal/surveys/").content.decode()
    assert not SurveyResponse.objects.exists()
