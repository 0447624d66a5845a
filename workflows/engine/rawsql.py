"""Statements on one model's table written as SQL, for the few per-task hot paths where the
ORM's per-call compiling is most of the cost (the task broker, the email send).

A statement names the table and columns by the model's field names (``{table}``, ``{id}``,
``{status}``, ...), filled in as the database quotes them; every value is a parameter.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db import connections, models, router


def _connection(model: type[models.Model], using: str | None):
    return connections[using or router.db_for_write(model)]


def run_sql(
    model: type[models.Model], statement: str, params: list[Any], *, using: str | None = None
) -> tuple[list, int]:
    """Run ``statement`` on ``model``'s database (or ``using``); (rows returned, rows changed)."""
    connection = _connection(model, using)
    quote = connection.ops.quote_name
    names = {field.name: quote(field.column) for field in model._meta.concrete_fields}
    # Only the model's own quoted names are formatted in; every value is a parameter.
    with connection.cursor() as cursor:
        cursor.execute(statement.format(table=quote(model._meta.db_table), **names), params)
        return (cursor.fetchall() if cursor.description else []), cursor.rowcount


def db_datetime(model: type[models.Model], value: datetime, *, using: str | None = None) -> Any:
    """``value`` as ``model``'s database driver takes it (naive UTC text on SQLite)."""
    return _connection(model, using).ops.adapt_datetimefield_value(value)
