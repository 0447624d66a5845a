"""Step 99: the pilot's evaluation in summer 2024: the end survey, answered, and its report.

The survey is a translatable snippet written in English with hand-written Czech and German
(wagtail-localize translations, as an editor would make them). It went to the pilot's ten
mentees and ten mentors on 1 July 2024 (no emails now); eighteen answered in July. The
coordinators' report (Evaluation in the admin) is computed from those answers and the
tandems' meeting logs. A second run changes nothing.
"""

from __future__ import annotations

import datetime

from wagtail.models import Locale

from workflows.evaluation import services
from workflows.evaluation.models import Survey, SurveyInvitation, SurveyRound

from ..context import LoadContext
from ..localize import translate
from ..text import Glossary, T
from .cohorts import pilot

ORDER = 99
SENT_ON = datetime.date(2024, 7, 1)

TITLE = T("End-of-year survey", "Závěrečný dotazník", "Abschlussbefragung")
INTRODUCTION = T(
    "Looking back on your careerSTEPS year: what worked, what should change?",
    "Ohlédnutí za rokem v careerSTEPS: co fungovalo a co bychom měli změnit?",
    "Rückblick auf Ihr careerSTEPS-Jahr: Was hat funktioniert, was sollten wir ändern?",
)
QUESTIONS = (
    (
        "rating",
        "satisfaction",
        T(
            "How satisfied are you with your tandem?",
            "Jak jste spokojeni se svým tandemem?",
            "Wie zufrieden sind Sie mit Ihrem Tandem?",
        ),
        {
            "low_label": T("not at all", "vůbec ne", "gar nicht"),
            "high_label": T("very", "velmi", "sehr"),
        },
    ),
    (
        "rating",
        "career_clarity",
        T(
            "How much clearer is your view of a research career now?",
            "O kolik jasnější máte nyní představu o vědecké kariéře?",
            "Wie viel klarer ist Ihr Bild von einer wissenschaftlichen Laufbahn jetzt?",
        ),
        {
            "low_label": T("not at all", "vůbec ne", "gar nicht"),
            "high_label": T("much clearer", "mnohem jasnější", "viel klarer"),
        },
    ),
    (
        "recommend",
        "recommend",
        T(
            "How likely are you to recommend careerSTEPS to a colleague?",
            "Jak pravděpodobně byste careerSTEPS doporučili kolegům?",
            "Wie wahrscheinlich würden Sie careerSTEPS weiterempfehlen?",
        ),
        {},
    ),
    (
        "goals",
        "goals",
        T(
            "How far did you get with each goal of your agreement? (1 = not reached, 5 = reached)",
            "Jak daleko jste se dostali u jednotlivých cílů dohody? (1 = nesplněno, 5 = splněno)",
            "Wie weit sind Sie bei jedem Ziel Ihrer Vereinbarung gekommen? (1 = nicht erreicht, "
            "5 = erreicht)",
        ),
        {},
    ),
    (
        "text",
        "comment",
        T(
            "What should we change for the next cohort?",
            "Co bychom měli pro příští ročník změnit?",
            "Was sollten wir für den nächsten Jahrgang ändern?",
        ),
        {},
    ),
)
#: (satisfaction, career clarity, recommend) per respondent, in the order of the tandems.
ANSWERS = (
    (5, 4, 10),
    (4, 4, 9),
    (5, 5, 10),
    (4, 3, 8),
    (5, 4, 9),
    (3, 3, 7),
    (5, 5, 10),
    (4, 4, 9),
    (4, 5, 9),
    (5, 4, 10),
)


def _survey() -> Survey:
    english = Locale.objects.get(language_code="en")
    survey = Survey.objects.filter(locale=english, title=TITLE.en).first()
    glossary = Glossary()
    glossary.add(TITLE)
    glossary.add(INTRODUCTION)
    blocks = []
    for kind, key, label, extra in QUESTIONS:
        value = {
            "key": key,
            "label": glossary.add(label),
            "help_text": "",
            "required": key != "comment",
        }
        value.update({name: glossary.add(text) for name, text in extra.items()})
        blocks.append((kind, value))
    if survey is None:
        survey = Survey.objects.create(
            title=TITLE.en, introduction=INTRODUCTION.en, questions=blocks, locale=english
        )
    translate(survey, glossary)
    return survey


def load(context: LoadContext) -> None:
    cohort = pilot()
    survey = _survey()
    survey_round, created = SurveyRound.objects.get_or_create(
        cohort=cohort,
        moment=SurveyRound.Moment.END,
        audience=SurveyRound.Audience.ALL,
        defaults={"survey": survey, "send_on": SENT_ON},
    )
    if not created:
        return
    services.send_round(
        survey_round,
        now=datetime.datetime.combine(SENT_ON, datetime.time(9), tzinfo=datetime.UTC),
        email=False,
    )
    invitations = list(
        SurveyInvitation.objects.filter(round=survey_round)
        .select_related("person")
        .order_by("role", "person__full_name")
    )
    for index, invitation in enumerate(invitations):
        if index % 10 == 9:
            continue  # one mentee and one mentor did not answer
        satisfaction, clarity, recommend = ANSWERS[index % 10]
        answers = {"satisfaction": satisfaction, "recommend": recommend}
        if invitation.role == "mentee":
            answers["career_clarity"] = clarity
            answers["goals"] = [
                max(1, min(5, clarity + (i % 2))) for i in range(len(invitation.goals))
            ]
        services.submit_answers(
            invitation,
            answers,
            invitation.person.preferred_language,
            today=SENT_ON + datetime.timedelta(days=2 + index % 12),
        )
    context.record("survey round", "created", str(survey_round))
