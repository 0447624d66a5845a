"""The portal's django-q2 schedule, created idempotently after every ``migrate``
(see :mod:`workflows.schedules`).

Keyed by name, so running migrate again updates the row instead of adding a copy; an
administrator's change of the cron expression is kept.
"""

from __future__ import annotations

SCHEDULES = {
    "careersteps-portal-purge-sign-in": ("portal.tasks.purge_sign_in_records", "17 3 * * *"),
}
