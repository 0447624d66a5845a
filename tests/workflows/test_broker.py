"""The ORM broker with its per-task statements as SQL (workflows.engine.broker): it
queues, claims and acknowledges exactly as django-q2's ORM broker does."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import OrmQ
from django_q.signing import SignedPackage
from django_q.tasks import async_task

from workflows.engine.broker import OrmBroker

pytestmark = pytest.mark.skipif(
    bool(settings.REDIS_URL), reason="the ORM broker is configured without REDIS_URL"
)


@pytest.fixture
def broker(db, monkeypatch):
    monkeypatch.setattr(Conf, "POLL", 0)  # an empty queue answers at once
    OrmQ.objects.all().delete()
    return get_broker()


def test_the_orm_queue_uses_it(broker):
    assert type(broker) is OrmBroker
    assert settings.Q_CLUSTER["bulk"] > 1
    assert settings.Q_CLUSTER["ALT_CLUSTERS"]["careersteps-heavy"]["bulk"] == 1


def test_a_queued_task_is_claimed_once_then_acknowledged(broker):
    task_id = async_task("math.floor", 2.5, broker=broker)
    [row] = OrmQ.objects.all()
    assert row.key == broker.list_key and row.lock <= timezone.now()
    assert row.task["id"] == task_id and row.task["args"] == (2.5,)

    [(ack_id, payload)] = broker.dequeue()
    assert ack_id == row.pk and SignedPackage.loads(payload)["id"] == task_id
    row.refresh_from_db()
    retry = timedelta(seconds=Conf.RETRY)
    assert timezone.now() + retry - timedelta(minutes=1) < row.lock <= timezone.now() + retry
    assert not broker.dequeue()  # locked until the retry time: nobody else takes it

    broker.acknowledge(ack_id)
    assert not OrmQ.objects.exists()


def test_a_lapsed_lock_is_claimed_again(broker):
    async_task("math.floor", 1.5, broker=broker)
    [(ack_id, _payload)] = broker.dequeue()
    OrmQ.objects.filter(pk=ack_id).update(lock=timezone.now() - timedelta(seconds=1))
    assert [claimed for claimed, _ in broker.dequeue()] == [ack_id]  # the worker died


def test_a_claim_takes_up_to_bulk_due_tasks_of_its_own_queue_oldest_first(broker, monkeypatch):
    monkeypatch.setattr(Conf, "BULK", 2)
    ids = [OrmQ.objects.get(pk=broker.enqueue(SignedPackage.dumps({"n": n}))).pk for n in range(3)]
    OrmQ.objects.create(key="another-queue", payload="x", lock=timezone.now())
    later = broker.enqueue("not yet")
    OrmQ.objects.filter(pk=later).update(lock=timezone.now() + timedelta(hours=1))

    assert [ack for ack, _ in broker.dequeue()] == ids[:2]
    assert [ack for ack, _ in broker.dequeue()] == ids[2:]
    assert not broker.dequeue()


def test_the_queue_row_rolls_back_with_the_callers_transaction(broker):
    with transaction.atomic():
        async_task("math.floor", 3.5, broker=broker)
        assert OrmQ.objects.count() == 1
        transaction.set_rollback(True)
    assert not OrmQ.objects.exists()
