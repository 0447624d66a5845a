"""Housekeeping: expired sign-in links and old rate-limit counters are deleted, idempotently."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from django_q.models import Schedule

from portal.models import SignInRequest, SignInToken
from portal.schedules import SCHEDULES
from portal.tasks import purge_sign_in_records
from workflows.schedules import ensure_cron_schedules

pytestmark = pytest.mark.django_db


def test_purge_deletes_only_old_records(person):
    now = timezone.now()
    old = SignInToken.objects.create(
        person=person, token_hash="a" * 64, created_at=now - timedelta(days=8)
    )
    recent = SignInToken.objects.create(
        person=person, token_hash="b" * 64, created_at=now - timedelta(days=1)
    )
    SignInRequest.objects.create(email_hash="x", created_at=now - timedelta(hours=2))
    kept = SignInRequest.objects.create(email_hash="x", created_at=now - timedelta(minutes=5))

    assert purge_sign_in_records() == {"tokens": 1, "requests": 1}
    assert not SignInToken.objects.filter(pk=old.pk).exists()
    assert SignInToken.objects.filter(pk=recent.pk).exists()
    assert list(SignInRequest.objects.all()) == [kept]
    assert purge_sign_in_records() == {"tokens": 0, "requests": 0}


def test_schedule_is_created_once():
    ensure_cron_schedules(SCHEDULES)
    ensure_cron_schedules(SCHEDULES)
    schedule = Schedule.objects.get(name="careersteps-portal-purge-sign-in")
    assert schedule.func == "portal.tasks.purge_sign_in_records"
