"""A cohort's evaluation report: aggregates only, withheld below :data:`MIN_ANSWERS`.

Survey figures come from anonymous responses; activity figures (meetings per tandem, event
attendance) from the programme's own records. Earlier cohorts are computed the same way, so
a figure can be compared year on year.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import Count, Q

from workflows.evaluation.models import Survey, SurveyInvitation, SurveyResponse, SurveyRound
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match
from workflows.programme_life.lifecycle import HELD
from workflows.programme_life.models import EventRegistration, Meeting

#: No aggregate of fewer answers is shown: with fewer, people could be recognised.
MIN_ANSWERS = 5


@dataclass
class Aggregate:
    label: str
    key: str
    kind: str  # rating | recommend | goals
    n: int
    values: list[int] = field(default_factory=list, repr=False)

    @property
    def shown(self) -> bool:
        return self.n >= MIN_ANSWERS

    @property
    def mean(self) -> float | None:
        return round(mean(self.values), 2) if self.shown and self.values else None

    @property
    def distribution(self) -> list[tuple[int, int]]:
        if not self.shown:
            return []
        scale = range(0, 11) if self.kind == "recommend" else range(1, 6)
        counts = Counter(self.values)
        return [(value, counts.get(value, 0)) for value in scale]

    @property
    def nps(self) -> int | None:
        """Net promoter score: % of 9–10 minus % of 0–6 (−100 … 100)."""
        if self.kind != "recommend" or not self.shown:
            return None
        promoters = sum(1 for v in self.values if v >= 9)
        detractors = sum(1 for v in self.values if v <= 6)
        return round(100 * (promoters - detractors) / len(self.values))


@dataclass
class RoundFigures:
    round: SurveyRound
    invited: int
    answered: int
    aggregates: list[Aggregate]

    @property
    def response_rate(self) -> int | None:
        return round(100 * self.answered / self.invited) if self.invited else None


@dataclass
class Activity:
    tandems: int
    meetings_held: int
    per_tandem_mean: float | None
    per_tandem_min: int | None
    per_tandem_max: int | None
    by_mode: dict[str, int]
    events_registered: int
    events_attended: int


@dataclass
class Report:
    cohort: object
    rounds: list[RoundFigures]
    activity: Activity
    earlier: list[Report] = field(default_factory=list)

    def headline(self) -> dict:
        """Figures compared across cohorts: end survey response rate, NPS, satisfaction,
        goal progress, meetings per tandem."""
        end = next((r for r in self.rounds if r.round.moment == SurveyRound.Moment.END), None)
        figures = {"meetings_per_tandem": self.activity.per_tandem_mean}
        if end is not None:
            figures["response_rate"] = end.response_rate
            for aggregate in end.aggregates:
                if aggregate.kind == "recommend":
                    figures.setdefault("nps", aggregate.nps)
                elif aggregate.kind == "goals":
                    figures.setdefault("goals", aggregate.mean)
                elif aggregate.kind == "rating":
                    figures.setdefault("satisfaction", aggregate.mean)
        return figures


def _aggregates(survey: Survey, responses: list[SurveyResponse]) -> list[Aggregate]:
    found = []
    for block in survey.questions:
        kind, key = block.block_type, block.value["key"]
        if kind == "text":
            continue  # free text is never aggregated into the report
        values: list[int] = []
        respondents = 0
        for response in responses:
            answer = response.answers.get(key)
            if answer in (None, [], ""):
                continue
            respondents += 1
            values.extend(answer if isinstance(answer, list) else [answer])
        found.append(Aggregate(str(block.value["label"]), key, kind, respondents, values))
    return found


def activity_for(cohort) -> Activity:
    matches = Match.objects.filter(cohort=cohort, state=CONFIRMED)
    counts = list(
        matches.annotate(held=Count("meetings", filter=Q(meetings__state=HELD))).values_list(
            "held", flat=True
        )
    )
    held = Meeting.objects.filter(match__in=matches, state=HELD)
    by_mode = dict(held.values_list("mode").annotate(n=Count("pk")).order_by("mode"))
    people = [
        pid
        for pair in matches.values_list(
            "mentee_application__person_id", "mentor_application__person_id"
        )
        for pid in pair
    ]
    registrations = EventRegistration.objects.filter(
        person_id__in=people,
        signup__event__starts_at__date__gte=cohort.programme_starts_on,
        signup__event__starts_at__date__lte=cohort.programme_ends_on,
    )
    return Activity(
        tandems=len(counts),
        meetings_held=sum(counts),
        per_tandem_mean=round(mean(counts), 1) if counts else None,
        per_tandem_min=min(counts) if counts else None,
        per_tandem_max=max(counts) if counts else None,
        by_mode=by_mode,
        events_registered=registrations.filter(state=EventRegistration.State.REGISTERED).count(),
        events_attended=registrations.filter(attended=True).count(),
    )


def cohort_report(cohort, language: str = "en", *, with_earlier: bool = True) -> Report:
    rounds = []
    for survey_round in cohort.survey_rounds.select_related("survey").order_by("send_on"):
        survey = survey_round.survey.in_language(language)
        responses = list(survey_round.responses.all())
        invited = SurveyInvitation.objects.filter(round=survey_round).count()
        rounds.append(
            RoundFigures(survey_round, invited, len(responses), _aggregates(survey, responses))
        )
    report = Report(cohort, rounds, activity_for(cohort))
    if with_earlier:
        from cohorts.models import CohortPage

        earlier = (
            CohortPage.objects.filter(
                locale=cohort.locale, programme_ends_on__lt=cohort.programme_ends_on
            )
            .exclude(pk=cohort.pk)
            .order_by("-programme_ends_on")[:3]
        )
        report.earlier = [cohort_report(c, language, with_earlier=False) for c in earlier]
    return report
