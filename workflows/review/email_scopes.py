"""Which cohort an outbox email is about, by its key: the failed-emails page shows a
coordinator scoped to some cohorts only the failures of those cohorts.

Each resolver takes the object ids of many keys and answers in a fixed number of queries
(:data:`workflows.notifications.failures.EMAIL_SCOPES`).
"""

from __future__ import annotations

from typing import Any

from workflows.notifications.failures import objects_by_id


def application_cohorts(ids: list[str]) -> dict[str, Any]:
    """``application:<id>:…``, ``application-submitted:<id>`` and
    ``application-duplicate:<id>:<day>``."""
    from applications.models import Application

    found = objects_by_id(Application.objects.select_related("cohort"), ids)
    return {key: application.cohort for key, application in found.items()}


def draft_cohorts(ids: list[str]) -> dict[str, Any]:
    """``application-draft:<draft id>:<address>``: the cohort the draft's form sits under, in
    the default (source) language (as ``ApplicationFormPage.get_source_cohort``)."""
    from wagtail.models import Locale, Page

    from applications.drafts import Draft

    drafts = objects_by_id(Draft.objects.select_related("form_page"), ids)
    if not drafts:
        return {}
    parent_paths = {
        key: draft.form_page.path[: -draft.form_page.steplen] for key, draft in drafts.items()
    }
    parents = {
        page.path: page
        for page in Page.objects.filter(path__in=set(parent_paths.values())).specific()
    }
    default = Locale.get_default()
    elsewhere: dict[type, set] = {}
    for page in parents.values():
        if page.locale_id != default.pk:
            elsewhere.setdefault(type(page), set()).add(page.translation_key)
    sources = {
        (model, source.translation_key): source
        for model, keys in elsewhere.items()
        for source in model.objects.filter(translation_key__in=keys, locale=default)
    }
    result = {}
    for key, path in parent_paths.items():
        parent = parents.get(path)
        if parent is None:
            continue
        if parent.locale_id == default.pk:
            result[key] = parent
        elif (type(parent), parent.translation_key) in sources:
            result[key] = sources[(type(parent), parent.translation_key)]
    return result


def reminder_cohorts(ids: list[str]) -> dict[str, Any]:
    """``review-reminder:<assignment id>:<day>``."""
    from workflows.review.models import ReviewAssignment

    found = objects_by_id(ReviewAssignment.objects.select_related("application__cohort"), ids)
    return {key: assignment.application.cohort for key, assignment in found.items()}


def register() -> None:
    from workflows.notifications.failures import register_email_scope

    register_email_scope("application", application_cohorts)
    register_email_scope("application-submitted", application_cohorts)
    register_email_scope("application-duplicate", application_cohorts)
    register_email_scope("application-draft", draft_cohorts)
    register_email_scope("review-reminder", reminder_cohorts)
