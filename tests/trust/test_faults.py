"""Bad days: the database refusing a write in the middle of a transition leaves no half state.

The refusal is injected at the database cursor (``connection.execute_wrapper``): the real
INSERT statement is refused as the server would refuse it, inside the real transaction.
"""

from __future__ import annotations

import io
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import OperationalError, connection
from django_q.models import OrmQ

from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.engine.actors import Actor
from workflows.engine.models import HistoryEntry
from workflows.notifications.models import OutboundEmail
from workflows.review.services import decide
from workflows.roles import COORDINATORS

pytestmark = pytest.mark.django_db


@contextmanager
def database_refuses(table: str):
    """Every INSERT into ``table`` fails as a full disk or a lost connection would."""

    def refuse(execute, sql, params, many, context):
        if sql.lstrip().upper().startswith("INSERT") and table in sql:
            raise OperationalError(f"simulated: the database refused to write {table}")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture
def setting():
    application = ApplicationFactory(cohort=make_cohort(), state="in_review")
    return application, UserFactory(groups=[COORDINATORS])


@pytest.mark.parametrize("table", ["django_q_ormq", "workflow_engine_historyentry"])
def test_a_refused_write_mid_transition_leaves_no_half_state(setting, table):
    application, coordinator = setting
    history_before = HistoryEntry.objects.count()
    with database_refuses(table), pytest.raises(OperationalError):
        decide(application, "accept", Actor(user=coordinator), message="Welcome")
    application.refresh_from_db()
    assert application.state == "in_review"
    assert HistoryEntry.objects.count() == history_before
    assert not OrmQ.objects.exists() and not OutboundEmail.objects.exists()
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    assert "entries checked" in out.getvalue()

    # Once the database accepts writes again, the same decision goes through once.
    decide(application, "accept", Actor(user=coordinator), message="Welcome")
    application.refresh_from_db()
    assert application.state == "accepted"
    assert HistoryEntry.objects.count() == history_before + 1
    assert OrmQ.objects.count() == 1
