"""The evaluation report: withheld below five answers, goals and activity, HTML and PDF."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from tests.evaluation.conftest import make_cohort_with_tandems, make_survey
from tests.factories import UserFactory
from workflows.access.groups import COORDINATORS, REVIEWERS
from workflows.evaluation import services
from workflows.evaluation.models import SurveyInvitation, SurveyRound
from workflows.evaluation.report import cohort_report

pytestmark = pytest.mark.django_db


def answer_all(survey_round, count, *, goals=(5, 3, 4), satisfaction=4, recommend=9):
    invitations = SurveyInvitation.objects.filter(round=survey_round, answered_on__isnull=True)[
        :count
    ]
    for invitation in invitations:
        services.submit_answers(
            invitation,
            {"satisfaction": satisfaction, "recommend": recommend, "goals": list(goals)},
            "en",
        )


def aggregates(report):
    return {a.key: a for a in report.rounds[0].aggregates}


def test_an_aggregate_of_four_answers_is_withheld_and_of_five_shown(end_round):
    survey_round, _ = end_round
    services.send_round(survey_round, email=False)
    answer_all(survey_round, 4)
    found = aggregates(cohort_report(survey_round.cohort))
    assert not found["satisfaction"].shown and found["satisfaction"].mean is None
    assert found["recommend"].nps is None
    answer_all(survey_round, 1)  # the fifth
    found = aggregates(cohort_report(survey_round.cohort))
    assert found["satisfaction"].shown and found["satisfaction"].mean == 4
    assert found["recommend"].nps == 100


def test_goal_re_ratings_reach_the_report(end_round):
    survey_round, _ = end_round
    services.send_round(survey_round, email=False)
    answer_all(survey_round, 5, goals=(5, 1, 3))
    goals = aggregates(cohort_report(survey_round.cohort))["goals"]
    assert goals.n == 5 and goals.mean == 3
    assert dict(goals.distribution) == {1: 5, 2: 0, 3: 5, 4: 0, 5: 5}


def test_the_report_compares_with_an_earlier_cohort_and_renders_as_pdf(client, end_round):
    survey_round, _ = end_round
    services.send_round(survey_round, email=False)
    answer_all(survey_round, 5)
    earlier, _tandems = make_cohort_with_tandems(2, title="Earlier", years_ago=1)
    report = cohort_report(survey_round.cohort)
    assert [other.cohort for other in report.earlier] == [earlier]
    client.force_login(UserFactory(groups=[COORDINATORS]))
    html = client.get(f"/admin/evaluation/{survey_round.cohort.pk}/").content.decode()
    assert "How satisfied are you?" in html and "<svg" in html and "Earlier" in html
    pdf = client.get(f"/admin/evaluation/{survey_round.cohort.pk}/report.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "How satisfied are you?" in text and "Earlier" in text


def test_only_coordinators_of_the_cohort_open_its_report(client, end_round):
    survey_round, _ = end_round
    client.force_login(UserFactory(groups=[REVIEWERS]))
    assert client.get(f"/admin/evaluation/{survey_round.cohort.pk}/").status_code == 404


def test_a_cohort_without_rounds_has_an_empty_report(db):
    cohort, _ = make_cohort_with_tandems(1, title="Quiet")
    report = cohort_report(cohort)
    assert report.rounds == [] and report.activity.tandems == 1
    assert SurveyRound.objects.count() == 0
    assert make_survey().title == "End survey"
