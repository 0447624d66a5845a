"""Scheduled review tasks (django-q2 schedules, created by :mod:`workflows.review.schedules`).

Both are idempotent per day: the outbox key contains the date, so a schedule that fires twice
(a catch-up, a second cluster) sends one reminder per assignment per day and one digest per
coordinator per day.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from workflows.lifecycles.application import IN_REVIEW, WAITLISTED
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import queue_email, supported_language
from workflows.review.models import ReviewAssignment
from workflows.review.selectors import applications_visible_to
from workflows.roles import COORDINATORS


def user_language(user) -> str:
    """The language a staff user chose in their Wagtail account settings."""
    from wagtail.users.models import UserProfile

    return supported_language(UserProfile.get_for_user(user).get_preferred_language())


def overdue_assignments(today: date) -> list[ReviewAssignment]:
    """Open assignments whose due date has passed (submitted or recused ones never are)."""
    return list(
        ReviewAssignment.objects.open()
        .filter(due_on__lt=today, reviewer__is_active=True)
        .select_related("reviewer", "application__person", "application__cohort")
    )


def send_review_reminders(today: str | None = None) -> int:
    """Remind each reviewer of each overdue review, once per assignment and day."""
    day = date.fromisoformat(today) if today else timezone.localdate()
    sent = 0
    for assignment in overdue_assignments(day):
        reviewer = assignment.reviewer
        if not reviewer.email:
            continue
        key = f"review-reminder:{assignment.pk}:{day.isoformat()}"
        if OutboundEmail.objects.filter(key=key).exists():
            continue
        queue_email(
            key=key,
            to=reviewer.email,
            language=user_language(reviewer),
            template="review_reminder",
            context={
                "name": reviewer.get_full_name() or reviewer.get_username(),
                "application": str(assignment.application),
                "due_on": assignment.due_on.isoformat(),
                "review_url": _admin_url("review_admin:review", assignment.pk),
            },
        )
        sent += 1
    return sent


def send_coordinator_digest(today: str | None = None) -> int:
    """Each coordinator's daily summary of their cohorts (skipped when there is nothing)."""
    from workflows.notifications.failures import failure_count

    day = date.fromisoformat(today) if today else timezone.localdate()
    coordinators = (
        get_user_model()
        .objects.filter(Q(groups__name=COORDINATORS) | Q(is_superuser=True), is_active=True)
        .distinct()
    )
    failed = failure_count()
    sent = 0
    for user in coordinators:
        if not user.email:
            continue
        visible = applications_visible_to(user)
        waiting = visible.filter(state__in=(IN_REVIEW, WAITLISTED)).count()
        overdue = (
            ReviewAssignment.objects.open().filter(due_on__lt=day, application__in=visible).count()
        )
        if not (waiting or overdue or failed):
            continue
        queue_email(
            key=f"review-digest:{user.pk}:{day.isoformat()}",
            to=user.email,
            language=user_language(user),
            template="review_digest",
            context={
                "name": user.get_full_name() or user.get_username(),
                "waiting_count": waiting,
                "overdue_count": overdue,
                "failed_count": failed,
                "admin_url": _admin_url("wagtailadmin_home"),
            },
        )
        sent += 1
    return sent


def _admin_url(name: str, *args) -> str:
    from django.conf import settings
    from django.urls import NoReverseMatch

    try:
        return settings.SITE_URL + reverse(name, args=args)
    except NoReverseMatch:
        return settings.SITE_URL + "/admin/"
