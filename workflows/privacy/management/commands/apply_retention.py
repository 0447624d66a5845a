"""``manage.py apply_retention [--dry-run]``: erase (or list) everyone due under the cohorts'
retention policies. The report names people by id, cohort and reason only."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from workflows.privacy.retention import apply_retention


class Command(BaseCommand):
    help = "Apply the retention policies; --dry-run prints who would be erased (ids only)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options) -> None:
        dry_run = options["dry_run"]
        report = apply_retention(dry_run=dry_run)
        for due in report:
            action = "would erase" if dry_run else ("erased" if due.erase else "report only")
            self.stdout.write(
                f"person {due.person_id}\tcohort {due.cohort_id} ({due.cohort})\t"
                f"{due.reason}\tdue {due.due_on.isoformat()}\t{action}"
            )
        self.stdout.write(f"{len(report)} due" + (" (dry run: nothing erased)" if dry_run else ""))
