"""The audit history is append-only and hash-chained; ``verify_audit`` finds any tampering.

That the chain is intact after the demo is checked in tests/demo/test_audit_chain_after_demo.py,
on the demo that package loads once for all its tests."""

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


def verify() -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("verify_audit", stdout=out, stderr=err)
        code = 0
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def entries(db):
    cohort = make_cohort()
    coordinator = UserFactory(groups=[COORDINATORS])
    made = []
    for number in range(3):
        application = ApplicationFactory(cohort=cohort)
        made.append(record_start(APPLICATION, application, Actor(person=application.person)))
        made.append(
            apply_transition(
                APPLICATION,
                application,
                "start_review",
                Actor(user=coordinator),
                comment=f"Looks complete {number}",
            )
        )
    return made


def raw(sql: str, *params) -> None:
    table = HistoryEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(sql.format(table=connection.ops.quote_name(table)), params)


def test_an_untouched_history_is_intact(entries):
    code, out, _err = verify()
    assert code == 0
    assert f"{HistoryEntry.objects.count()} entries checked" in out
    assert all(entry.hash and entry.prev_hash for entry in entries)
    assert entries[1].prev_hash == entries[0].hash


def test_a_changed_row_is_named(entries):
    target = entries[3]
    raw("UPDATE {table} SET comment = %s WHERE id = %s", "Nothing to see", target.pk)
    code, _out, err = verify()
    assert code == 1
    assert f"broken at entry {target.pk} " in err


def test_a_deleted_row_breaks_the_chain_at_the_next_one(entries):
    raw("DELETE FROM {table} WHERE id = %s", entries[2].pk)
    code, _out, err = verify()
    assert code == 1
    assert f"broken at entry {entries[3].pk} " in err


def test_a_changed_time_or_actor_is_found(entries):
    raw("UPDATE {table} SET actor_label = %s WHERE id = %s", "someone else", entries[5].pk)
    code, _out, err = verify()
    assert code == 1 and f"entry {entries[5].pk} " in err


def test_the_orm_refuses_to_change_or_delete_entries(entries):
    with pytest.raises(TypeError):
        HistoryEntry.objects.filter(pk=entries[0].pk).update(comment="x")
    with pytest.raises(TypeError):
        entries[0].delete()
    with pytest.raises(TypeError):
        entries[0].save()
