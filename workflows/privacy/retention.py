"""Retention per cohort: who is due for erasure, and the nightly run that erases them.

A person is due when *every* application of theirs is due (someone who applies again next
year is kept for the new cohort):

* rejected or withdrawn: ``declined_months`` after the decision (the state's last change);
* everyone else: ``participant_months`` after their cohort's programme ends (an application
  of a cohort without an end date is never due).

Each cohort's :class:`RetentionPolicy` sets both (defaults 6 and 24 months); with
``enabled`` off the run reports the cohort's people but erases nobody. The report names
people by id, cohort and reason only.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from applications.models import Application, Person
from workflows.engine.actors import Actor
from workflows.lifecycles.application import REJECTED, WITHDRAWN
from workflows.privacy.erasure import erase_person
from workflows.privacy.models import (
    DEFAULT_DECLINED_MONTHS,
    DEFAULT_PARTICIPANT_MONTHS,
    ErasureRecord,
    RetentionPolicy,
)

DECLINED_STATES = (REJECTED, WITHDRAWN)


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Due:
    person_id: int
    cohort_id: int
    cohort: str
    cohort_key: str
    reason: str
    due_on: dt.date
    erase: bool  # False: the cohort's policy only reports


def _policies() -> dict:
    return {
        str(p.cohort.translation_key): p for p in RetentionPolicy.objects.select_related("cohort")
    }


def application_due_on(application: Application, policy) -> tuple[dt.date | None, str]:
    declined = policy.declined_months if policy else DEFAULT_DECLINED_MONTHS
    participant = policy.participant_months if policy else DEFAULT_PARTICIPANT_MONTHS
    if application.state in DECLINED_STATES:
        decided = timezone.localdate(application.state_changed_at)
        return add_months(decided, declined), f"{application.state} + {declined} months"
    ends = application.cohort.programme_ends_on
    if ends is None:
        return None, ""
    return add_months(ends, participant), f"programme ended + {participant} months"


def due_people(today: dt.date | None = None) -> list[Due]:
    """Everyone due for erasure on ``today`` (see the module docstring)."""
    today = today or timezone.localdate()
    policies = _policies()
    erased = set(ErasureRecord.objects.values_list("person_id_ref", flat=True))
    by_person: dict[int, list] = {}
    applications = Application.objects.select_related("cohort").order_by("person_id", "pk")
    for application in applications:
        by_person.setdefault(application.person_id, []).append(application)
    found = []
    for person_id, owned in by_person.items():
        if person_id in erased:
            continue
        latest = None
        for application in owned:
            policy = policies.get(str(application.cohort.translation_key))
            due_on, reason = application_due_on(application, policy)
            if due_on is None or due_on > today:
                latest = None
                break
            if latest is None or due_on >= latest[0]:
                latest = (due_on, reason, application, policy)
        if latest is None:
            continue
        due_on, reason, application, policy = latest
        found.append(
            Due(
                person_id=person_id,
                cohort_id=application.cohort_id,
                cohort=application.cohort.title,
                cohort_key=str(application.cohort.translation_key),
                reason=reason,
                due_on=due_on,
                erase=policy.enabled if policy else True,
            )
        )
    return found


def apply_retention(*, dry_run: bool = False, today: dt.date | None = None) -> list[Due]:
    """Erase everyone due (unless ``dry_run`` or their cohort's policy only reports); returns
    the report. Each person is erased in a transaction of their own."""
    report = due_people(today)
    if dry_run:
        return report
    for due in report:
        if not due.erase:
            continue
        person = Person.objects.filter(pk=due.person_id).first()
        if person is not None:
            erase_person(
                person, Actor.system(), f"retention: {due.reason} (cohort {due.cohort_id})"
            )
    return report
