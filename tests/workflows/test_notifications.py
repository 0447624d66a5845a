"""Emails: once per key however often a task runs, in the recipient's language, editable."""

from __future__ import annotations

import pytest
from django.core import mail
from wagtail.models import Locale

from tests.factories import ApplicationFactory, PersonFactory
from workflows.engine.actors import Actor
from workflows.engine.models import HistoryEntry
from workflows.notifications import failures
from workflows.notifications.models import EmailTemplate, OutboundEmail
from workflows.notifications.services import fill_placeholders, queue_email
from workflows.notifications.tasks import notify_transition, send_outbound_email
from workflows.review.services import decide


@pytest.fixture
def locales_cs_de(db):
    for code in ("cs", "de"):
        Locale.objects.get_or_create(language_code=code)


def decided(application, coordinator, decision="accept", **kwargs):
    from workflows.engine.engine import apply_transition
    from workflows.lifecycles.application import APPLICATION

    # Review starts quietly: these tests are about the decision's email alone.
    quiet = frozenset({"email_applicant", "email_reviewers"})
    apply_transition(
        APPLICATION, application, "start_review", Actor(user=coordinator), disabled_effects=quiet
    )
    return decide(application, decision, Actor(user=coordinator), **kwargs)


def test_task_run_twice_sends_one_email(application, coordinator):
    entry = decided(application, coordinator)
    notify_transition(entry.pk)
    notify_transition(entry.pk)  # a retry after a lost acknowledgement
    assert len(mail.outbox) == 1
    assert OutboundEmail.objects.count() == 1


def test_send_task_twice_sends_once(db):
    email = queue_email(
        key="test:1",
        to="a@example.org",
        language="en",
        template="review_reminder",
        context={"name": "A", "application": "X", "due_on": "2026-01-01", "review_url": "u"},
    )
    assert send_outbound_email(email.pk) == "sent"
    assert send_outbound_email(email.pk) == "skipped"
    assert len(mail.outbox) == 1


def test_queue_email_with_the_same_key_queues_one(db):
    context = {"name": "A", "application": "X", "due_on": "d", "review_url": "u"}
    first = queue_email(
        key="k", to="a@example.org", language="en", template="review_reminder", context=context
    )
    second = queue_email(
        key="k", to="a@example.org", language="en", template="review_reminder", context=context
    )
    assert first.pk == second.pk and OutboundEmail.objects.count() == 1


def test_a_taken_key_queues_no_task_and_the_transaction_goes_on(db):
    """queue_email inserts first: a taken key rolls back its own savepoint only (on PostgreSQL
    the caller's transaction would otherwise refuse every later statement), keeps the first
    email as it was and queues no second task."""
    from django.db import transaction
    from django_q.models import OrmQ

    context = {"name": "A", "application": "X", "due_on": "d", "review_url": "u"}
    tasks_before = OrmQ.objects.count()
    with transaction.atomic():
        first = queue_email(
            key="k", to="a@example.org", language="en", template="review_reminder", context=context
        )
        second = queue_email(
            key="k",
            to="b@example.org",
            language="de",
            template="review_reminder",
            context={**context, "name": "B"},
        )
        assert OutboundEmail.objects.count() == 1  # the transaction still answers
    assert second.pk == first.pk
    assert (second.to, second.language, second.subject) == ("a@example.org", "en", first.subject)
    assert OrmQ.objects.count() == tasks_before + 1


@pytest.mark.parametrize("decision", ["accept", "reject", "waitlist", "request_changes"])
def test_decision_emails_differ_per_language(decision, cohort, coordinator):
    subjects, bodies = {}, {}
    for language in ("cs", "de", "en"):
        application = ApplicationFactory(
            cohort=cohort,
            language=language,
            person=PersonFactory(preferred_language=language),
        )
        entry = decided(application, coordinator, decision, message="Bitte / Prosím / Please")
        notify_transition(entry.pk)
        email = OutboundEmail.objects.get(key__startswith=f"application:{application.pk}:")
        assert email.language == language
        subjects[language], bodies[language] = email.subject, email.body_text
    assert len(set(subjects.values())) == 3, subjects
    assert len(set(bodies.values())) == 3
    assert cohort.title in subjects["en"]
    for language in ("cs", "de"):
        assert subjects[language] != subjects["en"]
        assert "Dear" not in bodies[language]
    [sent] = [
        m for m in mail.outbox if m.to == [OutboundEmail.objects.filter(language="de").get().to]
    ]
    assert sent.extra_headers["Content-Language"] == "de"


def test_real_translations_of_the_acceptance_subject(cohort, coordinator):
    expected_words = {"cs": "přijat", "de": "aufgenommen", "en": "accepted"}
    for language, word in expected_words.items():
        application = ApplicationFactory(
            cohort=cohort, person=PersonFactory(preferred_language=language)
        )
        notify_transition(decided(application, coordinator).pk)
        subject = OutboundEmail.objects.get(
            key__startswith=f"application:{application.pk}:"
        ).subject
        assert word in subject.casefold(), subject


def test_editors_template_in_the_recipients_language_wins(cohort, coordinator, locales_cs_de):
    german = Locale.objects.get(language_code="de")
    EmailTemplate.objects.create(
        key="application.accept",
        locale=german,
        subject="Herzlich willkommen, {{ name }}!",
        body="Hallo {{ name }}, willkommen in {{ cohort }}. {{ unknown }}Ende.",
    )
    de_app = ApplicationFactory(
        cohort=cohort, person=PersonFactory(full_name="Jürgen Größmann", preferred_language="de")
    )
    en_app = ApplicationFactory(cohort=cohort, person=PersonFactory(preferred_language="en"))
    notify_transition(decided(de_app, coordinator).pk)
    notify_transition(decided(en_app, coordinator).pk)
    de_email = OutboundEmail.objects.get(to=de_app.person.email)
    en_email = OutboundEmail.objects.get(to=en_app.person.email)
    assert de_email.subject == "Herzlich willkommen, Jürgen Größmann!"
    assert de_email.body_text == f"Hallo Jürgen Größmann, willkommen in {cohort.title}. Ende.\n"
    assert "Herzlich" not in en_email.subject  # no English row: the file template


def test_fill_placeholders():
    assert (
        fill_placeholders("{{name}} / {{ name }} / {{ x }}", {"name": "Jana"}) == "Jana / Jana / "
    )


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionError("SMTP server refused the connection")


def test_failed_send_is_visible_and_retryable(application, coordinator, settings):
    entry = decided(application, coordinator)
    settings.EMAIL_BACKEND = "tests.workflows.test_notifications.BrokenBackend"
    with pytest.raises(ConnectionError):
        notify_transition(entry.pk)
    email = OutboundEmail.objects.get()
    assert email.status == OutboundEmail.Status.FAILED
    assert "refused" in email.last_error
    assert list(failures.failed_emails()) == [email]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert failures.retry_email(email.pk)
    assert not failures.retry_email(email.pk)  # already queued again
    from tests.workflows.conftest import run_queued_tasks

    run_queued_tasks()
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.SENT and email.attempts == 2
    assert len(mail.outbox) == 1


def test_failed_task_is_listed_and_retried(db):
    from django.utils import timezone
    from django_q.models import Failure, OrmQ

    Failure.objects.create(
        id="a" * 32,
        name="broken-task",
        func="workflows.notifications.tasks.notify_transition",
        args=(123,),
        kwargs={},
        started=timezone.now(),
        stopped=timezone.now(),
        success=False,
        result="HistoryEntry.DoesNotExist",
        attempt_count=5,
    )
    assert failures.failure_count() == 1
    OrmQ.objects.all().delete()
    assert failures.retry_task("a" * 32)
    assert OrmQ.objects.count() == 1 and failures.failure_count() == 0
    assert not HistoryEntry.objects.filter(pk=123).exists()


def test_decision_email_names_the_cohort_and_portal_in_the_applicants_language(cohort, coordinator):
    german_cohort = cohort.copy_for_translation(
        Locale.objects.get(language_code="de"), copy_parents=True
    )
    german_cohort.title = "Jahrgang 2026/27"
    german_cohort.save_revision().publish()
    application = ApplicationFactory(cohort=cohort, person=PersonFactory(preferred_language="de"))

    notify_transition(decided(application, coordinator).pk)

    email = OutboundEmail.objects.get(key__startswith=f"application:{application.pk}:")
    assert "Jahrgang 2026/27" in email.subject
    assert cohort.title not in email.body_text
    assert "/de/portal/" in email.body_text
