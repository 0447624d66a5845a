"""The programme year's recurring tasks (created idempotently after migrate)."""

SCHEDULES = {
    # Before a planned meeting and before a registered event (each reminder once).
    "programme-life-reminders": ("workflows.programme_life.tasks.send_reminders", "*/15 * * * *"),
    # Tandems with no meeting for the cohort's number of weeks get one nudge per quiet spell.
    "programme-life-nudges": ("workflows.programme_life.tasks.nudge_inactive_tandems", "0 9 * * 1"),
    # Tandems close when their cohort's programme has ended.
    "programme-life-close": ("workflows.programme_life.tasks.close_finished_tandems", "30 2 * * *"),
}
