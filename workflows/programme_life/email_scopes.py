"""Which cohort a programme-year email is about, by its outbox key (the failed-emails page
shows a coordinator scoped to some cohorts only the failures of those cohorts).

Event registration emails (``event-registration:…``) stay unscoped on purpose: programme events
are shared by every cohort, so only coordinators of all cohorts see their failures.
"""

from __future__ import annotations

from typing import Any


def meeting_cohort(parts: list[str]) -> Any:
    """``meeting:<meeting id>:…``: the engine's meeting emails and the meeting reminders."""
    from workflows.programme_life.models import Meeting

    return Meeting.objects.select_related("match__cohort").get(pk=int(parts[0])).match.cohort


def tandem_cohort(parts: list[str]) -> Any:
    """``tandem:<match id>:nudge:…``: the nudge to a quiet tandem."""
    from workflows.matching.models import Match

    return Match.objects.select_related("cohort").get(pk=int(parts[0])).cohort


def register() -> None:
    from workflows.notifications.failures import register_email_scope

    register_email_scope("meeting", meeting_cohort)
    register_email_scope("tandem", tandem_cohort)
