"""Scheduled reminders and digests: the right people, once a day, created idempotently."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail
from django_q.models import Schedule

from tests.factories import ApplicationFactory
from tests.workflows.conftest import run_queued_tasks
from workflows.engine.actors import Actor
from workflows.notifications.models import OutboundEmail
from workflows.review import services
from workflows.review.models import ReviewAssignment
from workflows.review.schedules import SCHEDULES
from workflows.review.tasks import send_coordinator_digest, send_review_reminders
from workflows.schedules import ensure_cron_schedules

TODAY = date(2026, 12, 1)


@pytest.fixture(autouse=True)
def no_assignment_emails(db):
    """These tests count reminders; the emails of review starting are tested elsewhere."""
    from workflows.engine.engine import set_effect_enabled
    from workflows.lifecycles.application import APPLICATION

    for effect in ("email_applicant", "email_reviewers"):
        set_effect_enabled(APPLICATION, "start_review", effect, False)


def test_overdue_review_gets_a_reminder_done_one_does_not(
    cohort, coordinator, reviewer, other_reviewer
):
    overdue = services.assign_reviewer(
        ApplicationFactory(cohort=cohort),
        reviewer,
        Actor(user=coordinator),
        due_on=TODAY - timedelta(days=1),
    )
    done = services.assign_reviewer(
        ApplicationFactory(cohort=cohort),
        other_reviewer,
        Actor(user=coordinator),
        due_on=TODAY - timedelta(days=3),
    )
    ReviewAssignment.objects.filter(pk=done.pk).update(status=ReviewAssignment.Status.SUBMITTED)
    services.assign_reviewer(  # not due yet
        ApplicationFactory(cohort=cohort),
        other_reviewer,
        Actor(user=coordinator),
        due_on=TODAY,
    )
    assert send_review_reminders(TODAY.isoformat()) == 1
    run_queued_tasks()
    assert [m.to for m in mail.outbox] == [[reviewer.email]]
    assert f"review-reminder:{overdue.pk}:{TODAY.isoformat()}" == OutboundEmail.objects.get().key


def test_reminder_not_twice_for_the_same_assignment_and_day(cohort, coordinator, reviewer):
    services.assign_reviewer(
        ApplicationFactory(cohort=cohort),
        reviewer,
        Actor(user=coordinator),
        due_on=TODAY - timedelta(days=1),
    )
    assert send_review_reminders(TODAY.isoformat()) == 1
    assert send_review_reminders(TODAY.isoformat()) == 0
    run_queued_tasks()
    assert len(mail.outbox) == 1
    # The next day it is still overdue: one more reminder.
    assert send_review_reminders((TODAY + timedelta(days=1)).isoformat()) == 1


def test_reminder_in_the_reviewers_language(cohort, coordinator, reviewer):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "de"
    profile.save()
    services.assign_reviewer(
        ApplicationFactory(cohort=cohort),
        reviewer,
        Actor(user=coordinator),
        due_on=TODAY - timedelta(days=1),
    )
    send_review_reminders(TODAY.isoformat())
    email = OutboundEmail.objects.get()
    assert email.language == "de"
    assert email.subject != "Reminder: a careerSTEPS review is overdue"


def test_coordinator_digest_once_a_day_and_only_with_news(cohort, coordinator, reviewer):
    assert send_coordinator_digest(TODAY.isoformat()) == 0  # nothing to report
    services.assign_reviewer(
        ApplicationFactory(cohort=cohort),
        reviewer,
        Actor(user=coordinator),
        due_on=TODAY - timedelta(days=1),
    )
    assert send_coordinator_digest(TODAY.isoformat()) == 1
    send_coordinator_digest(TODAY.isoformat())
    digests = OutboundEmail.objects.filter(key__startswith="review-digest:")
    assert digests.count() == 1
    assert "1" in digests.get().body_text


def test_schedules_exist_and_are_created_idempotently(db):
    ensure_cron_schedules(SCHEDULES)
    ensure_cron_schedules(SCHEDULES)
    for name, (func, cron) in SCHEDULES.items():
        schedule = Schedule.objects.get(name=name)
        assert schedule.func == func and schedule.schedule_type == Schedule.CRON
        assert schedule.cron == cron
    # croniter (django-q2[croniter]) accepts the expressions.
    from croniter import croniter

    assert all(croniter.is_valid(cron) for _func, cron in SCHEDULES.values())
