"""A pilot-like cohort with tandems, an end survey in three languages, and its round."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Locale

from tests.factories import PersonFactory, make_cohort
from tests.programme_life.conftest import make_tandem
from workflows.evaluation.models import Survey, SurveyRound

QUESTIONS = [
    (
        "rating",
        {
            "key": "satisfaction",
            "label": "How satisfied are you?",
            "help_text": "",
            "required": True,
            "low_label": "not at all",
            "high_label": "very",
        },
    ),
    (
        "recommend",
        {
            "key": "recommend",
            "label": "Would you recommend careerSTEPS?",
            "help_text": "",
            "required": True,
        },
    ),
    (
        "goals",
        {
            "key": "goals",
            "label": "How far did you get with each goal?",
            "help_text": "",
            "required": True,
        },
    ),
    ("text", {"key": "comment", "label": "Anything else?", "help_text": "", "required": False}),
]


def make_survey() -> Survey:
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("cs", "de")}
    english = Locale.objects.get(language_code="en")
    source = Survey.objects.create(title="End survey", questions=QUESTIONS, locale=english)
    german = [(kind, {**value, "label": "DE " + value["label"]}) for kind, value in QUESTIONS]
    Survey.objects.create(
        title="Abschlussbefragung",
        questions=german,
        locale=locales["de"],
        translation_key=source.translation_key,
    )
    return source


def make_cohort_with_tandems(n: int, title: str = "Pilot", years_ago: int = 0):
    today = timezone.localdate() - dt.timedelta(days=365 * years_ago)
    cohort = make_cohort(
        title=title,
        open_now=False,
        programme_starts_on=today - dt.timedelta(days=250),
        programme_ends_on=today - dt.timedelta(days=5),
    )
    tandems = [
        make_tandem(
            cohort,
            mentee=PersonFactory(preferred_language="de"),
            mentor=PersonFactory(preferred_language="cs"),
        )
        for _ in range(n)
    ]
    for tandem in tandems:
        profile = tandem.mentee_application.profile
        profile.goals = "- Decide about a doctorate\n- Publish a first paper\n- Visit a lab"
        profile.save()
    return cohort, tandems


@pytest.fixture
def end_round(db):
    cohort, tandems = make_cohort_with_tandems(5)
    survey_round = SurveyRound.objects.create(
        cohort=cohort,
        survey=make_survey(),
        moment=SurveyRound.Moment.END,
        audience=SurveyRound.Audience.MENTEES,
        send_on=timezone.localdate(),
    )
    return survey_round, tandems
