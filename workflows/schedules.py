"""Recurring django-q2 tasks, declared by each app and created idempotently after ``migrate``.

Each app lists its schedules as ``{name: (dotted task, cron expression)}`` and calls
:func:`register_schedules` from its ``AppConfig.ready()``. Rows are keyed by name, so running
migrate again updates them instead of adding copies; an administrator's change of the cron
expression in the admin is kept (only the task and the schedule type are enforced).
"""

from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate

Schedules = dict[str, tuple[str, str]]


def ensure_cron_schedules(schedules: Schedules) -> None:
    from django_q.models import Schedule

    for name, (func, cron) in schedules.items():
        schedule, created = Schedule.objects.get_or_create(
            name=name,
            defaults={"func": func, "schedule_type": Schedule.CRON, "cron": cron, "repeats": -1},
        )
        if not created and (schedule.func != func or schedule.schedule_type != Schedule.CRON):
            schedule.func = func
            schedule.schedule_type = Schedule.CRON
            schedule.save(update_fields=["func", "schedule_type"])


def register_schedules(app_config: AppConfig, schedules: Schedules) -> None:
    """Create ``schedules`` after every migrate of ``app_config`` (django_q's tables exist by
    then, also in a fresh test database)."""

    def ensure(**kwargs) -> None:
        ensure_cron_schedules(schedules)

    post_migrate.connect(
        ensure, sender=app_config, weak=False, dispatch_uid=f"{app_config.label}-schedules"
    )
