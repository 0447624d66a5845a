"""Which cohort a survey invitation is about, by its outbox key (the failed-emails page shows a
coordinator scoped to some cohorts only the failures of those cohorts)."""

from __future__ import annotations

from typing import Any


def survey_cohort(parts: list[str]) -> Any:
    """``survey:<invitation id>:invite``."""
    from workflows.evaluation.models import SurveyInvitation

    return (
        SurveyInvitation.objects.select_related("round__cohort").get(pk=int(parts[0])).round.cohort
    )


def register() -> None:
    from workflows.notifications.failures import register_email_scope

    register_email_scope("survey", survey_cohort)
