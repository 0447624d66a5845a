"""The django-q2 schedules of review, created idempotently after every ``migrate``.

Keyed by name: running migrate again updates the existing rows instead of adding copies, and
an administrator's change of the cron expression in the admin is kept (only func and type are
enforced).
"""

from __future__ import annotations

SCHEDULES = {
    "careersteps-review-reminders": ("workflows.review.tasks.send_review_reminders", "0 8 * * *"),
    "careersteps-coordinator-digest": (
        "workflows.review.tasks.send_coordinator_digest",
        "30 7 * * 1-5",
    ),
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
