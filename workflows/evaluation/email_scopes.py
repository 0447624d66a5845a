"""Which cohort a survey invitation is about, by its outbox key (the failed-emails page shows a
coordinator scoped to some cohorts only the failures of those cohorts)."""

from __future__ import annotations

from typing import Any

from workflows.notifications.failures import objects_by_id


def survey_cohorts(ids: list[str]) -> dict[str, Any]:
    """``survey:<invitation id>:invite`` (many ids, one query)."""
    from workflows.evaluation.models import SurveyInvitation

    found = objects_by_id(SurveyInvitation.objects.select_related("round__cohort"), ids)
    return {key: invitation.round.cohort for key, invitation in found.items()}


def register() -> None:
    from workflows.notifications.failures import register_email_scope

    register_email_scope("survey", survey_cohorts)
