"""The demo step: the pilot's agreements issued, signed and sealed on historical dates, no
emails, and a second run changes nothing."""

from __future__ import annotations

import datetime

import pytest

from demo.loaders.agreements import replay
from workflows.agreements.lifecycle import ACTIVE
from workflows.agreements.models import Agreement, SigningEvent
from workflows.agreements.sealing import verify

pytestmark = pytest.mark.django_db

ISSUED = datetime.datetime(2023, 11, 13, 10, 0, tzinfo=datetime.UTC)


def test_replay_signs_and_seals_on_historical_dates_once(match, coordinator):
    from workflows.notifications.models import OutboundEmail

    made = replay(match.cohort, coordinator, ISSUED)
    assert len(made) == 1
    agreement = Agreement.objects.get(match=match)
    assert agreement.state == ACTIVE and verify(bytes(agreement.sealed_pdf)).ok
    assert agreement.issued_at == ISSUED
    dates = [e.signed_at.date() for e in SigningEvent.objects.filter(agreement=agreement)]
    assert dates == [
        datetime.date(2023, 11, 14),
        datetime.date(2023, 11, 15),
        datetime.date(2023, 11, 16),
    ]
    assert not OutboundEmail.objects.exists()
    assert replay(match.cohort, coordinator, ISSUED) == []
    assert Agreement.objects.count() == 1
