"""Which cohort an agreement email is about, by its outbox key, so the failed-emails page
shows a coordinator scoped to some cohorts the failures of those cohorts (and no others)."""

from __future__ import annotations

from typing import Any


def agreement_cohort(parts: list[str]) -> Any:
    """``agreement:<agreement id>:<history entry id>:<transition>`` (the engine's emails)."""
    from workflows.agreements.models import Agreement

    return Agreement.objects.select_related("match__cohort").get(pk=int(parts[0])).match.cohort


def register() -> None:
    from workflows.notifications.failures import register_email_scope

    register_email_scope("agreement", agreement_cohort)
