"""Twice at once: two signature requests make one signing event; a render or seal task run
twice stores one document."""

from __future__ import annotations

import threading

import pytest
from django.conf import settings

from tests.agreements.conftest import make_match, make_template
from workflows.agreements import services, tasks
from workflows.agreements.models import Agreement, SigningEvent
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError
from workflows.engine.models import HistoryEntry


def issued_agreement(coordinator) -> Agreement:
    match = make_match()
    agreement = services.create_draft(match, Actor(user=coordinator))
    services.issue(
        agreement, Actor(user=coordinator), disabled_effects=frozenset({"render_pdf", "notify"})
    )
    services.ensure_issued_pdf(agreement)
    return agreement


@pytest.mark.django_db
def test_the_render_task_run_twice_stores_one_document(match, coordinator):
    agreement = services.create_draft(match, Actor(user=coordinator))
    entry = services.issue(
        agreement, Actor(user=coordinator), disabled_effects=frozenset({"notify"})
    )
    first = tasks.render_issued_pdf(entry.pk)
    stored = bytes(Agreement.objects.get(pk=agreement.pk).issued_pdf)
    assert tasks.render_issued_pdf(entry.pk) == first
    assert bytes(Agreement.objects.get(pk=agreement.pk).issued_pdf) == stored


@pytest.mark.django_db
def test_the_seal_task_run_twice_stores_one_sealed_document(match, coordinator):
    agreement = services.create_draft(match, Actor(user=coordinator))
    services.issue(
        agreement, Actor(user=coordinator), disabled_effects=frozenset({"render_pdf", "notify"})
    )
    services.ensure_issued_pdf(agreement)
    quiet = frozenset({"seal", "notify"})
    for role, actor in (
        ("mentee", Actor(person=match.mentee_application.person)),
        ("mentor", Actor(person=match.mentor_application.person)),
        ("coordinator", Actor(user=coordinator)),
    ):
        services.sign(
            agreement,
            role,
            actor,
            typed_name=actor.person.full_name if actor.person else "Eva Nováková",
            shown_sha256=agreement.issued_sha256,
            method="portal_link",
            disabled_effects=quiet,
        )
    entry = HistoryEntry.objects.filter(transition="sign_last").get()
    first = tasks.seal_agreement(entry.pk)
    sealed = bytes(Agreement.objects.get(pk=agreement.pk).sealed_pdf)
    assert tasks.seal_agreement(entry.pk) == first
    assert bytes(Agreement.objects.get(pk=agreement.pk).sealed_pdf) == sealed
    assert HistoryEntry.objects.filter(transition="seal").count() == 1


@pytest.mark.postgres
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL (DATABASE_URL=postgres://...)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_signatures_sent_at_once_make_one_signing_event(locales, coordinator):
    make_template(locales)
    agreement = issued_agreement(coordinator)
    mentee = agreement.match.mentee_application.person
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def sign_once():
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=30)
            services.sign(
                Agreement.objects.get(pk=agreement.pk),
                "mentee",
                Actor(person=mentee),
                typed_name=mentee.full_name,
                shown_sha256=agreement.issued_sha256,
                method="portal_link",
            )
            outcomes.append("signed")
        except TransitionError as error:
            outcomes.append(error.reason)
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=sign_once) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert outcomes.count("signed") == 1, outcomes
    assert SigningEvent.objects.filter(agreement=agreement).count() == 1
    assert HistoryEntry.objects.filter(transition="sign", object_id=str(agreement.pk)).count() == 1
