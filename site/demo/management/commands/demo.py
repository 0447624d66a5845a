"""``manage.py demo``: load the careerSTEPS pilot (2023/24) as it really ran, in three languages.

Every step is idempotent, so the command can be run again after a code update: it adds what
is missing, updates what changed and leaves the rest alone (no new revisions).
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from demo.context import LoadContext
from demo.loaders import discover

# Wagtail and django-tasks log every page save and background task at INFO; a demo load
# makes hundreds, which would hide the summary.
NOISY_LOGGERS = (
    "wagtail",
    "django_tasks",
    "wagtail_localize",
    "weasyprint",
    "fontTools",
    "django-q",
)


class Command(BaseCommand):
    help = "Load the careerSTEPS demo: partner institutions, pages, news, events, cohorts, users."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--only",
            nargs="*",
            metavar="STEP",
            help="Run only these loader steps (module names, e.g. institutions cohorts).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even under the production settings (a public demo server).",
        )

    def handle(
        self,
        *args,
        only: list[str] | None = None,
        verbosity: int = 1,
        force: bool = False,
        **options,
    ) -> None:
        if getattr(settings, "IS_PRODUCTION", False) and not force:
            raise CommandError(
                "These are the production settings: the demo would add made-up people, "
                "logins with known passwords and sample applications. "
                "Run it with --force only on a demo server."
            )
        context = LoadContext(stdout=self.stdout, verbosity=verbosity)
        started = time.monotonic()
        with _quiet(verbosity < 2):
            for loader in discover():
                step = loader.__name__.rsplit(".", 1)[-1]
                if only and step not in only:
                    continue
                if verbosity >= 1:
                    self.stdout.write(f"{step} ...")
                # One transaction per step: a failing step leaves the earlier ones in place.
                with transaction.atomic():
                    loader.load(context)
        counts = ", ".join(f"{n} {action}" for action, n in sorted(context.tally.items()))
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded in {time.monotonic() - started:.1f} s: {counts or 'nothing changed'}."
            )
        )
        for line in context.summary:
            self.stdout.write(line)


@contextmanager
def _quiet(enabled: bool):
    if not enabled:
        yield
        return
    loggers = [logging.getLogger(name) for name in NOISY_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
