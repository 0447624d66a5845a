"""Which cohort an agreement email is about, by its outbox key, so the failed-emails page
shows a coordinator scoped to some cohorts the failures of those cohorts (and no others)."""

from __future__ import annotations

from typing import Any

from workflows.notifications.failures import objects_by_id


def agreement_cohorts(ids: list[str]) -> dict[str, Any]:
    """``agreement:<agreement id>:<history entry id>:<transition>`` (the engine's emails; many
    ids, one query)."""
    from workflows.agreements.models import Agreement

    found = objects_by_id(Agreement.objects.select_related("match__cohort"), ids)
    return {key: agreement.match.cohort for key, agreement in found.items()}


def register() -> None:
    from workflows.notifications.failures import register_email_scope

    register_email_scope("agreement", agreement_cohorts)
