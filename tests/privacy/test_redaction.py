"""The audit chain's salted commitment: redacting personal fields keeps the chain verifiable,
changing them any other way still breaks it."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition, record_start
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION
from workflows.roles import COORDINATORS


def verify() -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
    except SystemExit as exit:
        return exit.code, err.getvalue()
    return 0, out.getvalue()


@pytest.fixture
def entries(db):
    application = ApplicationFactory(cohort=make_cohort())
    first = record_start(APPLICATION, application, Actor(person=application.person, ip="192.0.2.1"))
    second = apply_transition(
        APPLICATION,
        application,
        "start_review",
        Actor(user=UserFactory(groups=[COORDINATORS])),
        comment=f"{application.person.full_name} looks fine",
    )
    return first, second


def test_new_entries_commit_to_their_personal_fields(entries):
    for entry in entries:
        assert len(entry.personal_salt) == 32 and len(entry.personal_digest) == 64


def test_a_redacted_entry_keeps_the_chain_intact(entries):
    HistoryEntry.objects.filter(pk=entries[0].pk).redact()
    redacted = HistoryEntry.objects.get(pk=entries[0].pk)
    assert redacted.actor_label == "" and redacted.ip_address is None
    assert redacted.personal_salt == "" and redacted.redacted_at is not None
    code, out = verify()
    assert code == 0 and "1 redacted" in out


def test_blanking_a_field_without_redacting_is_tampering(entries):
    table = connection.ops.quote_name(HistoryEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET comment = '' WHERE id = %s", [entries[1].pk])  # noqa: S608
    code, err = verify()
    assert code == 1 and f"broken at entry {entries[1].pk} " in err


def test_the_other_fields_are_still_hashed_after_redaction(entries):
    HistoryEntry.objects.filter(pk=entries[1].pk).redact()
    table = connection.ops.quote_name(HistoryEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET to_state = 'accepted' WHERE id = %s", [entries[1].pk])  # noqa: S608
    code, err = verify()
    assert code == 1 and f"broken at entry {entries[1].pk} " in err


def test_entries_without_a_commitment_cannot_be_redacted(entries):
    table = connection.ops.quote_name(HistoryEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} SET personal_digest = '' WHERE id = %s", [entries[0].pk])  # noqa: S608
    with pytest.raises(ValueError):
        HistoryEntry.objects.filter(pk=entries[0].pk).redact()
