"""Emails to staff about applications, each in the recipient's language and time zone.

* Reviewers hear about new assignments in a digest, at most one per reviewer and day (outbox
  key ``review-assigned:<reviewer>:<day>``): when an application's review starts (the
  ``email_reviewers`` effect of ``start_review``) and, for assignments made later that day or
  afterwards (replacements, extra reviewers), from the hourly schedule. Switching the effect
  off in Review → Workflows stops both.
* Coordinators of the cohort hear when an applicant amends or withdraws (the
  ``email_coordinators`` effect of ``amend`` and ``withdraw``), once per history entry and
  coordinator.

Every task is idempotent: the outbox key decides, so a task that runs twice sends once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from applications.models import Application
from base.localization import localized_title
from base.timezones import format_in_zone, time_zone_name_of, time_zone_of
from workflows.engine.models import EffectSwitch, HistoryEntry
from workflows.lifecycles.application import APPLICATION, EMAIL_REVIEWERS
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import queue_email, supported_language
from workflows.review.models import ReviewAssignment
from workflows.review.selectors import coordinated_cohort_keys
from workflows.roles import COORDINATORS

DIGEST_PREFIX = "review-assigned"


def staff_language(user: Any) -> str:
    """The language a staff member chose in their Wagtail account settings."""
    from wagtail.users.models import UserProfile

    return supported_language(UserProfile.get_for_user(user).get_preferred_language())


def _person(user: Any) -> str:
    return user.get_full_name() or user.get_username()


def _url(name: str, *args: Any) -> str:
    return settings.SITE_URL + reverse(name, args=args)


# --- reviewers ------------------------------------------------------------------------------


def reviewer_digests_enabled() -> bool:
    """The coordinators' switch: ``start_review`` → ``email_reviewers`` (on unless a row)."""
    return not EffectSwitch.objects.filter(
        machine=APPLICATION.name,
        transition="start_review",
        effect=EMAIL_REVIEWERS.key,
        enabled=False,
    ).exists()


def digest_key(reviewer: Any, day: date) -> str:
    return f"{DIGEST_PREFIX}:{reviewer.pk}:{day.isoformat()}"


def send_assignment_digest(reviewer: Any, now=None) -> str:
    """One email listing the reviewer's open assignments made since their last digest; none
    if they already had one today (in their own time zone) or nothing is new."""
    if not reviewer.is_active or not reviewer.email:
        return "no address"
    now = now or timezone.now()
    day = now.astimezone(time_zone_of(reviewer)).date()
    key = digest_key(reviewer, day)
    if OutboundEmail.objects.filter(key=key).exists():
        return "already today"
    last = (
        OutboundEmail.objects.filter(key__startswith=f"{DIGEST_PREFIX}:{reviewer.pk}:")
        .order_by("-created_at")
        .first()
    )
    pending = (
        ReviewAssignment.objects.open()
        .filter(reviewer=reviewer)
        .select_related("application__person", "application__cohort")
        .order_by("due_on", "pk")
    )
    if last is not None:
        pending = pending.filter(assigned_at__gt=last.created_at)
    pending = list(pending)
    if not pending:
        return "nothing new"
    language = staff_language(reviewer)
    with translation.override(language):
        lines = [_assignment_line(assignment, language) for assignment in pending]
    queue_email(
        key=key,
        to=reviewer.email,
        language=language,
        template="review_assigned",
        context={
            "name": _person(reviewer),
            "count": len(pending),
            "assignments": "\n".join(lines),
            "reviews_url": _url("review_admin:my_reviews"),
        },
    )
    return "queued"


def _assignment_line(assignment: ReviewAssignment, language: str) -> str:
    from django.utils.formats import date_format
    from django.utils.translation import gettext

    application = assignment.application
    role = application.get_role_display()
    cohort = localized_title(application.cohort, language)
    line = f"- {application.person.full_name} ({role}, {cohort})"
    if assignment.due_on:
        line += ", " + gettext("due on %(date)s") % {
            "date": date_format(assignment.due_on, "SHORT_DATE_FORMAT")
        }
    return line + "\n  " + _url("review_admin:review", assignment.pk)


def email_reviewers(history_entry_id: int) -> str:
    """The ``email_reviewers`` effect: the digest for each reviewer of this application."""
    entry = HistoryEntry.objects.get(pk=history_entry_id)
    application = entry.subject
    reviewers = {
        assignment.reviewer_id: assignment.reviewer
        for assignment in ReviewAssignment.objects.open()
        .filter(application=application)
        .select_related("reviewer")
    }
    return ",".join(send_assignment_digest(user) for user in reviewers.values()) or "nobody"


def send_assignment_digests() -> int:
    """Hourly: digests for assignments made after an application's review started."""
    if not reviewer_digests_enabled():
        return 0
    users = get_user_model().objects.filter(
        pk__in=ReviewAssignment.objects.open().values("reviewer_id"), is_active=True
    )
    return sum(send_assignment_digest(user) == "queued" for user in users)


# --- coordinators ---------------------------------------------------------------------------


def cohort_coordinators(application: Application) -> list[Any]:
    """Active members of the Coordinators group who coordinate the application's cohort
    (global coordinators included), with an email address."""
    users = (
        get_user_model().objects.filter(groups__name=COORDINATORS, is_active=True).exclude(email="")
    )
    key = application.cohort.translation_key
    return [
        user
        for user in users.distinct().order_by("pk")
        if (keys := coordinated_cohort_keys(user)) is None or key in keys
    ]


def email_coordinators(history_entry_id: int) -> str:
    """The ``email_coordinators`` effect: each coordinator of the cohort, once per entry."""
    entry = HistoryEntry.objects.get(pk=history_entry_id)
    application = entry.subject
    results = []
    for user in cohort_coordinators(application):
        key = (
            f"{entry.machine}:{entry.object_id}:{entry.pk}:{entry.transition}:coordinator:{user.pk}"
        )
        if OutboundEmail.objects.filter(key=key).exists():
            results.append("exists")
            continue
        language = staff_language(user)
        with translation.override(language):
            context = {
                "name": _person(user),
                "applicant": application.person.full_name,
                "role": str(application.get_role_display()),
                "cohort": localized_title(application.cohort, language),
                "what": str(APPLICATION.transition(entry.transition).label),
                "when": format_in_zone(
                    entry.created_at, time_zone_name_of(user), "DATETIME_FORMAT"
                ),
                "message": entry.message,
                "application_url": _url("application_admin:inspect", application.pk),
            }
        queue_email(
            key=key,
            to=user.email,
            language=language,
            template="coordinators_application_changed",
            context=context,
        )
        results.append("queued")
    return ",".join(results) or "nobody"
