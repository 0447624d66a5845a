"""Which cohort a programme-year email is about, by its outbox key (the failed-emails page
shows a coordinator scoped to some cohorts only the failures of those cohorts).

Event registration emails (``event-registration:…``) stay unscoped on purpose: programme events
are shared by every cohort, so only coordinators of all cohorts see their failures.
"""

from __future__ import annotations

from typing import Any

from workflows.notifications.failures import objects_by_id


def meeting_cohorts(ids: list[str]) -> dict[str, Any]:
    """``meeting:<meeting id>:…``: the engine's meeting emails and the meeting reminders."""
    from workflows.programme_life.models import Meeting

    found = objects_by_id(Meeting.objects.select_related("match__cohort"), ids)
    return {key: meeting.match.cohort for key, meeting in found.items()}


def tandem_cohorts(ids: list[str]) -> dict[str, Any]:
    """``tandem:<match id>:nudge:…``: the nudge to a quiet tandem."""
    from workflows.matching.models import Match

    found = objects_by_id(Match.objects.select_related("cohort"), ids)
    return {key: match.cohort for key, match in found.items()}


def register() -> None:
    from workflows.notifications.failures import register_email_scope

    register_email_scope("meeting", meeting_cohorts)
    register_email_scope("tandem", tandem_cohorts)
