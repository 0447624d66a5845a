"""``manage.py verify_audit``: check the whole hash chain of the audit history.

Prints how many entries were checked (and how many were redacted when a person was erased);
when one does not match (changed, deleted or inserted behind the engine's back),
names the first such entry and exits with status 1.
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand

from workflows.engine import chain
from workflows.engine.models import HistoryEntry


class Command(BaseCommand):
    help = "Verify the audit history's hash chain; exit 1 naming the first broken entry."

    def handle(self, *args, **options) -> None:
        entries = HistoryEntry.objects.select_related("content_type").order_by("pk")
        checked, broken = chain.verify(entries.iterator(chunk_size=2000))
        if broken is None:
            redacted = HistoryEntry.objects.filter(redacted_at__isnull=False).count()
            note = f" ({redacted} redacted on erasure)" if redacted else ""
            self.stdout.write(f"Audit history intact: {checked} entries checked{note}.")
            return
        when = broken.created_at.strftime("%Y-%m-%d %H:%M")
        self.stderr.write(
            f"Audit history broken at entry {broken.pk} ({broken}, {when}): "
            f"{checked} entries checked, the {checked - 1} before it intact."
        )
        sys.exit(1)
