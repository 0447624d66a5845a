"""The django-q2 schedules of review, created idempotently after every ``migrate``
(see :mod:`workflows.schedules`).

Keyed by name: running migrate again updates the existing rows instead of adding copies, and
an administrator's change of the cron expression in the admin is kept (only func and type are
enforced).
"""

from __future__ import annotations

SCHEDULES = {
    "careersteps-review-reminders": ("workflows.review.tasks.send_review_reminders", "0 8 * * *"),
    "careersteps-reviewer-assignments": (
        "workflows.review.staff_emails.send_assignment_digests",
        "5 * * * *",
    ),
    "careersteps-coordinator-digest": (
        "workflows.review.tasks.send_coordinator_digest",
        "30 7 * * 1-5",
    ),
}
