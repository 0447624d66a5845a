"""What every loader step receives: the clock, the output and a tally of what changed."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from django.utils import timezone


@dataclass
class LoadContext:
    """Shared by all loader steps of one ``manage.py demo`` run.

    ``now`` is read once, so every date the demo derives from "today" (the open cohort's
    application window) is consistent within a run and tests can pin it.
    """

    stdout: TextIO
    now: datetime.datetime = field(default_factory=timezone.now)
    verbosity: int = 1
    tally: Counter = field(default_factory=Counter)
    #: Lines printed at the very end (e.g. the demo logins).
    summary: list[str] = field(default_factory=list)

    @property
    def today(self) -> datetime.date:
        return timezone.localdate(self.now)

    def record(self, what: str, action: str, label: str) -> None:
        """Count ``action`` ("created", "updated", "translated") and say it at verbosity 2."""
        self.tally[action] += 1
        if self.verbosity >= 2:
            self.stdout.write(f"  {action:<10} {what}: {label}\n")
