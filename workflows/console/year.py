"""The programme year at a glance, per cohort the person coordinates: what needs attention.

Tandems at risk (no held meeting for the cohort's nudge period, or an agreement not yet
signed), upcoming programme events with their registrations, survey response rates and failed
background tasks. A fixed number of queries per cohort: tandems, meetings and agreements are
read with one grouped query each, whatever the number of tandems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_q.models import Failure

from cohorts.models import CohortPage
from events.models import EventPage
from workflows.access.cohorts import coordinated_cohort_keys, is_global_coordinator
from workflows.agreements.lifecycle import ACTIVE as AGREEMENT_ACTIVE
from workflows.agreements.lifecycle import COMPLETED as AGREEMENT_COMPLETED
from workflows.agreements.lifecycle import SIGNED
from workflows.evaluation.models import SurveyRound
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match
from workflows.programme_life.lifecycle import HELD
from workflows.programme_life.models import EventRegistration, Meeting, ProgrammeSettings

SIGNED_STATES = (SIGNED, AGREEMENT_ACTIVE, AGREEMENT_COMPLETED)
NO_MEETING = "no_meeting"
UNSIGNED = "unsigned"
RISK_LABELS = {
    NO_MEETING: _("No meeting for %(weeks)s weeks"),
    UNSIGNED: _("Agreement not signed"),
}


@dataclass
class TandemAtRisk:
    match: Match
    reasons: list[str]
    last_meeting: datetime | None


@dataclass
class CohortYear:
    cohort: CohortPage
    tandems: int
    at_risk: list[TandemAtRisk] = field(default_factory=list)
    rounds: list[dict] = field(default_factory=list)
    deadlines: list[tuple[object, str]] = field(default_factory=list)
    meetings_by_month: list[tuple[str, int]] = field(default_factory=list)


def year_cohorts(user) -> list[CohortPage]:
    """The English cohorts the person coordinates whose programme has not ended long ago."""
    keys = coordinated_cohort_keys(user)
    cohorts = CohortPage.objects.filter(locale__language_code="en").order_by("-programme_starts_on")
    if keys is not None:
        cohorts = cohorts.filter(translation_key__in=keys)
    return list(cohorts)


def cohort_year(cohort: CohortPage, now: datetime) -> CohortYear:
    settings = ProgrammeSettings.for_cohort(cohort)
    weeks = settings.nudge_after_weeks
    matches = list(
        Match.objects.filter(cohort=cohort, state=CONFIRMED)
        .select_related("mentee_application__person", "mentor_application__person")
        .annotate(
            last_meeting=Max("meetings__starts_at", filter=Q(meetings__state=HELD)),
            signed=Count("agreements", filter=Q(agreements__state__in=SIGNED_STATES)),
        )
    )
    start = timezone.make_aware(datetime.combine(cohort.programme_starts_on, time(9)))
    running = start <= now and cohort.programme_ends_on >= timezone.localdate(now)
    year = CohortYear(cohort, len(matches))
    for match in matches:
        reasons = []
        if running and now - (match.last_meeting or start) >= timedelta(weeks=weeks):
            reasons.append(str(RISK_LABELS[NO_MEETING]) % {"weeks": weeks})
        if not match.signed and cohort.programme_ends_on >= timezone.localdate(now):
            reasons.append(str(RISK_LABELS[UNSIGNED]))
        if reasons:
            year.at_risk.append(TandemAtRisk(match, reasons, match.last_meeting))
    answered = Count("invitations", filter=Q(invitations__answered_on__isnull=False))
    for survey_round in SurveyRound.objects.filter(cohort=cohort).annotate(
        invited=Count("invitations"), answered=answered
    ):
        rate = (
            round(100 * survey_round.answered / survey_round.invited)
            if survey_round.invited
            else None
        )
        year.rounds.append(
            {
                "round": survey_round,
                "invited": survey_round.invited,
                "answered": survey_round.answered,
                "rate": rate,
            }
        )
    year.deadlines = deadlines(cohort, year.rounds, now)
    year.meetings_by_month = meetings_by_month(cohort)
    return year


def deadlines(cohort: CohortPage, rounds: list[dict], now: datetime) -> list[tuple[object, str]]:
    """What is due next in this cohort's year, soonest first."""
    today = timezone.localdate(now)
    due: list[tuple[object, str]] = []
    if cohort.application_closes_at >= now:
        due.append((timezone.localdate(cohort.application_closes_at), str(_("Applications close"))))
    for item in rounds:
        survey_round = item["round"]
        if survey_round.sent_at is None and survey_round.send_on >= today:
            label = _("Survey sent: %(moment)s") % {"moment": survey_round.get_moment_display()}
            due.append((survey_round.send_on, str(label)))
    if cohort.programme_starts_on >= today:
        due.append((cohort.programme_starts_on, str(_("Programme starts"))))
    if cohort.programme_ends_on >= today:
        due.append((cohort.programme_ends_on, str(_("Programme ends: tandems close"))))
    return sorted(due, key=lambda item: item[0])


def meetings_by_month(cohort: CohortPage) -> list[tuple[str, int]]:
    """Held meetings per month of the programme (one grouped query), for a bar chart."""
    rows = (
        Meeting.objects.filter(match__cohort=cohort, state=HELD)
        .annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    return [(f"{row['month']:%m/%y}", row["n"]) for row in rows if row["month"]]


def upcoming_events(now: datetime, days: int = 60) -> list[dict]:
    events = (
        EventPage.objects.live()
        .filter(
            locale__language_code="en",
            starts_at__gte=now,
            starts_at__lte=now + timedelta(days=days),
        )
        .select_related("signup")
        .order_by("starts_at")
    )
    counts = dict(
        EventRegistration.objects.filter(
            state=EventRegistration.State.REGISTERED, signup__event__in=events
        )
        .values_list("signup__event_id")
        .annotate(n=Count("pk"))
    )
    return [
        {
            "event": event,
            "signup": getattr(event, "signup", None),
            "registered": counts.get(event.pk, 0),
        }
        for event in events
    ]


def submissions_waiting(user, now: datetime | None = None) -> int | None:
    """Submissions the background worker has not made into applications although they
    arrived more than a few minutes ago (global coordinators only): when this is not 0, the
    worker is down and new applications do not reach the queues yet. None for others."""
    from applications.acceptance import WAITING_TOO_LONG
    from applications.models import ReceivedSubmission

    if not is_global_coordinator(user):
        return None
    cutoff = (now or timezone.now()) - WAITING_TOO_LONG
    return ReceivedSubmission.objects.filter(received_at__lte=cutoff).count()


def failed_tasks(user) -> int | None:
    """Failed background tasks (global coordinators only: tasks carry no cohort)."""
    return Failure.objects.count() if is_global_coordinator(user) else None
