"""The portal's permission functions, as a matrix of (who, state) → allowed."""

from __future__ import annotations

import pytest

from applications.models import Application
from portal.permissions import can_amend, can_view, can_withdraw
from tests.factories import ApplicationFactory, PersonFactory
from workflows.lifecycles.application import STATES

pytestmark = pytest.mark.django_db

FINAL = {state.key for state in STATES if state.is_final}


@pytest.fixture
def application(db):
    return ApplicationFactory()


@pytest.mark.parametrize("state", [state.key for state in STATES])
def test_owner_matrix(application, state):
    Application.objects.filter(pk=application.pk).update(state=state)
    application.refresh_from_db()
    owner = application.person

    assert can_view(owner, application) == (True, "")
    allowed, reason = can_withdraw(owner, application)
    assert allowed is (state not in FINAL)
    assert bool(reason) is not allowed
    allowed, reason = can_amend(owner, application)
    assert allowed is (state == "changes_requested")
    assert bool(reason) is not allowed


@pytest.mark.parametrize("state", ["submitted", "changes_requested", "accepted"])
@pytest.mark.parametrize("who", ["stranger", "nobody"])
def test_others_may_do_nothing(application, state, who):
    Application.objects.filter(pk=application.pk).update(state=state)
    application.refresh_from_db()
    person = PersonFactory() if who == "stranger" else None
    for check in (can_view, can_withdraw, can_amend):
        allowed, reason = check(person, application)
        assert not allowed
        assert reason
