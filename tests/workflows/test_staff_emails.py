"""Emails people expect: the applicant when review starts, reviewers when assigned (one
digest a day at most), coordinators when an applicant amends or withdraws. Each in the
recipient's language (and staff in their time zone), once however often the task runs, and
switchable per transition."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.users.models import UserProfile

from tests.factories import ApplicationFactory, PersonFactory, UserFactory, make_cohort
from workflows.access.models import CohortRole
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition, set_effect_enabled
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION
from workflows.notifications.models import OutboundEmail
from workflows.notifications.tasks import notify_transition
from workflows.review import staff_emails
from workflows.review.services import assign_reviewer
from workflows.roles import COORDINATORS, REVIEWERS

pytestmark = pytest.mark.django_db


def staff(group: str, language: str = "en", time_zone: str = "", **fields):
    user = UserFactory(groups=[group], **fields)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.current_time_zone = time_zone
    profile.save()
    return user


@pytest.fixture
def cohort():
    return make_cohort(title="Cohort 2026/27")


def application_in(cohort, name="Řehoř Čížek", language="cs"):
    return ApplicationFactory(
        cohort=cohort,
        person=PersonFactory(full_name=name, preferred_language=language),
        language=language,
    )


def emails(template: str):
    return list(OutboundEmail.objects.filter(template=template).order_by("pk"))


def test_applicant_hears_when_review_starts_once_in_their_language(run_tasks_inline, cohort):
    application = application_in(cohort)
    apply_transition(APPLICATION, application, "start_review", Actor.system())
    entry = HistoryEntry.objects.get(transition="start_review")
    notify_transition(entry.pk)  # the task again: nothing new
    [email] = emails("application_start_review")
    assert email.to == application.person.email
    assert email.language == "cs"
    assert "Cohort 2026/27" in email.subject


def test_the_review_start_email_can_be_switched_off(run_tasks_inline, cohort):
    set_effect_enabled(APPLICATION, "start_review", "email_applicant", False)
    apply_transition(APPLICATION, application_in(cohort), "start_review", Actor.system())
    assert emails("application_start_review") == []


def test_reviewer_gets_one_digest_a_day_in_their_language(run_tasks_inline, cohort):
    reviewer = staff(REVIEWERS, "de", email="petra@example.org", first_name="Petra")
    first, second, third = (application_in(cohort, f"Applicant {n}") for n in range(3))
    assign_reviewer(first, reviewer, Actor.system())
    assign_reviewer(second, reviewer, Actor.system())
    [digest] = emails("review_assigned")
    assert digest.language == "de" and digest.to == "petra@example.org"
    assert digest.key.startswith(f"review-assigned:{reviewer.pk}:")
    assert "Applicant 0" in digest.body_text and "Applicant 1" not in digest.body_text

    # later the same day: no second email, whatever runs
    assign_reviewer(third, reviewer, Actor.system())
    assert staff_emails.send_assignment_digests() == 0
    staff_emails.email_reviewers(HistoryEntry.objects.filter(transition="start_review").first().pk)
    assert len(emails("review_assigned")) == 1

    # the next day the hourly schedule lists what is new since the last digest
    tomorrow = timezone.now() + timedelta(days=1)
    assert staff_emails.send_assignment_digest(reviewer, now=tomorrow) == "queued"
    assert staff_emails.send_assignment_digest(reviewer, now=tomorrow) == "already today"
    latest = emails("review_assigned")[-1]
    assert "Applicant 1" in latest.body_text and "Applicant 2" in latest.body_text
    assert "Applicant 0" not in latest.body_text


def test_reviewer_digests_can_be_switched_off(run_tasks_inline, cohort):
    set_effect_enabled(APPLICATION, "start_review", "email_reviewers", False)
    reviewer = staff(REVIEWERS, email="petra@example.org")
    assign_reviewer(application_in(cohort), reviewer, Actor.system())
    assert staff_emails.send_assignment_digests() == 0
    assert emails("review_assigned") == []


def test_coordinators_of_the_cohort_hear_of_a_withdrawal_in_their_language_and_zone(
    run_tasks_inline, cohort
):
    staff(COORDINATORS, "cs", "America/New_York", email="klara@example.org")
    staff(COORDINATORS, "de", email="global@example.org")
    elsewhere = staff(COORDINATORS, email="other@example.org")
    CohortRole.objects.create(
        user=elsewhere, role=CohortRole.Role.COORDINATOR, cohort=make_cohort(title="Other")
    )
    application = application_in(cohort)
    apply_transition(APPLICATION, application, "withdraw", Actor(person=application.person))
    entry = HistoryEntry.objects.get(transition="withdraw")
    staff_emails.email_coordinators(entry.pk)  # twice: still one each
    sent = {email.to: email for email in emails("coordinators_application_changed")}
    assert set(sent) == {"klara@example.org", "global@example.org"}
    assert sent["klara@example.org"].language == "cs"
    assert "(America/New_York)" in sent["klara@example.org"].body_text
    assert "(Europe/Prague)" in sent["global@example.org"].body_text
    assert "Řehoř Čížek" in sent["klara@example.org"].subject
    assert f"/admin/applications/inspect/{application.pk}/" in sent["klara@example.org"].body_text


def test_coordinators_hear_of_an_amendment(run_tasks_inline, cohort):
    staff(COORDINATORS, email="klara@example.org")
    coordinator = staff(COORDINATORS)
    application = application_in(cohort)
    actor = Actor(user=coordinator)
    apply_transition(APPLICATION, application, "start_review", actor)
    apply_transition(
        APPLICATION, application, "request_changes", actor, message="Tell us more, please."
    )
    apply_transition(APPLICATION, application, "amend", Actor(person=application.person))
    [email] = [e for e in emails("coordinators_application_changed") if e.to == "klara@example.org"]
    assert "Řehoř Čížek" in email.body_text
