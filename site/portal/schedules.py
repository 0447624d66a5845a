"""The portal's django-q2 schedule, created idempotently after every ``migrate``.

Keyed by name, so running migrate again updates the row instead of adding a copy; an
administrator's change of the cron expression is kept.
"""

from __future__ import annotations

SCHEDULES = {
    "careersteps-portal-purge-sign-in": ("portal.tasks.purge_sign_in_records", "17 3 * * *"),
}


def ensure_schedules(**kwargs) -> None:
    from django_q.models import Schedule

    for name, (func, cron) in SCHEDULES.items():
        schedule, created = Schedule.objects.get_or_create(
            name=name,
            defaults={"func": func, "schedule_type": Schedule.CRON, "cron": cron, "repeats": -1},
        )
        if not created and (schedule.func != func or schedule.schedule_type != Schedule.CRON):
            schedule.func = func
            schedule.schedule_type = Schedule.CRON
            schedule.save(update_fields=["func", "schedule_type"])
