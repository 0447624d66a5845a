"""Which cohort an outbox email is about, by its key: the failed-emails page shows a
coordinator scoped to some cohorts only the failures of those cohorts."""

from __future__ import annotations

from typing import Any


def application_cohort(parts: list[str]) -> Any:
    """``application:<id>:…``, ``application-submitted:<id>`` and
    ``application-duplicate:<id>:<day>``."""
    from applications.models import Application

    return Application.objects.select_related("cohort").get(pk=int(parts[0])).cohort


def draft_cohort(parts: list[str]) -> Any:
    """``application-draft:<draft id>:<address>``."""
    from applications.drafts import Draft

    return (
        Draft.objects.select_related("form_page")
        .get(pk=int(parts[0]))
        .form_page.specific.get_source_cohort()
    )


def reminder_cohort(parts: list[str]) -> Any:
    """``review-reminder:<assignment id>:<day>``."""
    from workflows.review.models import ReviewAssignment

    return (
        ReviewAssignment.objects.select_related("application__cohort")
        .get(pk=int(parts[0]))
        .application.cohort
    )


def register() -> None:
    from workflows.notifications.failures import register_email_scope

    register_email_scope("application", application_cohort)
    register_email_scope("application-submitted", application_cohort)
    register_email_scope("application-duplicate", application_cohort)
    register_email_scope("application-draft", draft_cohort)
    register_email_scope("review-reminder", reminder_cohort)
