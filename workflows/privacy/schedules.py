"""The retention schedule: once a night, erase whoever a cohort's policy says is due."""

SCHEDULES = {
    # Ids only: the task reads the policies and the people itself (no personal data queued).
    "privacy-retention": ("workflows.privacy.tasks.apply_retention", "15 3 * * *"),
}
