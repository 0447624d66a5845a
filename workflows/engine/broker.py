"""django-q2's ORM broker, its per-task statements written as SQL (``Q_CLUSTER["broker_class"]``).

Every email is one task, so the broker's statements run once per email: the pusher's claim of
the queue row, the monitor's acknowledgement (delete) and, in the request that queues it, the
insert. django-q2 runs them through the ORM: a model instance each and a query compiled each
time; as SQL (:mod:`workflows.engine.rawsql`) they cost a fraction of that. What the broker
does is unchanged: the same table, the same compare-and-set on ``lock``, the same retry
timeout, the same transaction (the queue row still commits or rolls back with the caller's).
"""

from __future__ import annotations

from datetime import datetime
from time import sleep
from typing import Any

from django.utils import timezone
from django_q.brokers.orm import ORM
from django_q.conf import Conf
from django_q.models import OrmQ

from workflows.engine.rawsql import db_datetime, run_sql


def _sql(statement: str, params: list[Any]) -> tuple[list, int]:
    """On the broker's database (``Q_CLUSTER["orm"]``), as django-q2's ORM broker."""
    return run_sql(OrmQ, statement, params, using=Conf.ORM)


def _when(value: datetime) -> Any:
    return db_datetime(OrmQ, value, using=Conf.ORM)


class OrmBroker(ORM):
    """django-q2's :class:`~django_q.brokers.orm.ORM` broker, its statements as SQL."""

    def enqueue(self, task: str) -> int:
        self.get_connection()  # what the ORM broker does first: drop a stale connection
        rows, _count = _sql(
            "INSERT INTO {table} ({key}, {payload}, {lock}) VALUES (%s, %s, %s) RETURNING {id}",
            [self.list_key or Conf.CLUSTER_NAME, task, _when(timezone.now())],
        )
        return rows[0][0]

    def dequeue(self) -> list[tuple[int, str]] | None:
        """Up to ``bulk`` due tasks, each claimed by moving its lock (compare-and-set, as
        django-q2 does: a task another cluster claimed first is left to it)."""
        self.get_connection()
        now = timezone.now()
        due, _count = _sql(
            "SELECT {id}, {lock}, {payload} FROM {table} WHERE {key} = %s AND {lock} < %s"
            " ORDER BY {id} LIMIT %s",
            [self.list_key, _when(now), Conf.BULK],
        )
        if not due:
            sleep(Conf.POLL)  # empty queue, spare the cpu
            return None
        until = _when(self.timeout(None))  # now + Q_CLUSTER["retry"], as django-q2
        claimed = []
        for task_id, lock, payload in due:
            _rows, won = _sql(
                "UPDATE {table} SET {lock} = %s WHERE {id} = %s AND {lock} = %s",
                [until, task_id, lock],
            )
            if won:
                claimed.append((task_id, payload))
        return claimed

    def delete(self, task_id: int) -> None:
        self.get_connection()
        _sql("DELETE FROM {table} WHERE {id} = %s", [task_id])
