"""``manage.py bench``: speed and memory figures beside their limits, in a throwaway database.

Benchmarks are measurements, not tests: the command exits 0 whatever the figures, unless a
benchmark crashes (exit 1), or ``--fail-slow`` is given and a row is SLOW (exit 1, for CI).
See ``bench/runner.py`` for why it runs itself again in a child process, and
``bench/limits.py`` for the limits. ``--limit-scale`` multiplies every limit (0.5 on a fast
CI machine; 0 makes every row SLOW, which the tests use to check ``--fail-slow``).
"""

from __future__ import annotations

import argparse
import json
import os

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bench import runner
from bench.options import Options

COLUMNS = ("benchmark", "median ms", "p95 ms", "limit ms", "status", "RSS +MB", "queries")


def format_table(results: dict) -> str:
    lines = [COLUMNS]
    for row in results["rows"]:
        rss = row.get("rss_delta_mb")
        queries = row.get("queries")
        lines.append(
            (
                row["name"],
                f"{row['median_ms']:.1f}",
                f"{row['p95_ms']:.1f}",
                f"{row['limit_ms']:.0f}",
                row["status"],
                "-" if rss is None else f"{rss:.1f}",
                "-" if queries is None else str(queries),
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    text = []
    for number, line in enumerate(lines):
        cells = [
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
            for i, cell in enumerate(line)
        ]
        text.append("  ".join(cells).rstrip())
        if number == 0:
            text.append("  ".join("-" * width for width in widths))
    for row in results["rows"]:
        if row.get("notes"):
            notes = ", ".join(f"{key}={value}" for key, value in row["notes"].items())
            text.append(f"{row['name']}: {notes}")
    machine = results.get("machine") or {}
    if machine:
        text.append(
            f"{machine.get('cpus')} CPUs, load {machine.get('load_average')}, "
            f"Python {machine.get('python')}, {machine.get('database')}, "
            f"{results['rows'][0]['repeat'] if results['rows'] else 0} repeats after a warm-up"
        )
    return "\n".join(text)


class Command(BaseCommand):
    help = "Measure pages, API, submission, portal, review, outbox and PDF beside their limits."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--only",
            nargs="+",
            choices=runner.GROUPS,
            metavar="NAME",
            help=f"Run only these groups: {', '.join(runner.GROUPS)}.",
        )
        parser.add_argument("--repeat", type=int, default=10, help="Timed runs per row.")
        parser.add_argument("--json", action="store_true", help="Print JSON, not a table.")
        parser.add_argument("--fail-slow", action="store_true", help="Exit 1 when any row is SLOW.")
        parser.add_argument(
            "--limit-scale",
            type=float,
            default=float(os.environ.get("CAREERSTEPS_BENCH_LIMIT_SCALE", "1")),
            help="Multiply every limit by this factor (env CAREERSTEPS_BENCH_LIMIT_SCALE).",
        )
        parser.add_argument(
            "--http-seconds", type=float, default=5.0, help="http group: seconds of load per row."
        )
        parser.add_argument(
            "--workflow-count",
            type=int,
            default=10_000,
            help="workflow group: applications taken through the whole workflow.",
        )
        parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, **options) -> None:
        if options["repeat"] < 1:
            raise CommandError("--repeat must be at least 1.")
        if options["limit_scale"] < 0:
            raise CommandError("--limit-scale must not be negative.")
        if options["http_seconds"] <= 0 or options["workflow_count"] < 1:
            raise CommandError("--http-seconds and --workflow-count must be positive.")
        groups = list(options["only"] or runner.DEFAULT_GROUPS)
        bench_options = Options(
            repeat=options["repeat"],
            limit_scale=options["limit_scale"],
            http_seconds=options["http_seconds"],
            workflow_count=options["workflow_count"],
        )
        if options["child"]:
            runner.write_results(runner.measure_groups(groups, bench_options))
            return
        if runner.needs_database(groups):
            self.stderr.write("Migrating a throwaway database and loading the demo into it ...")
        results, returncode, output = runner.run_child(groups, bench_options)
        if options["json"]:
            self.stdout.write(json.dumps(results, indent=2))
        else:
            self.stdout.write(format_table(results))
        for error in results.get("errors", []):
            self.stderr.write(f"Benchmark group {error['group']} crashed:\n{error['error']}")
        if returncode != 0 or options["verbosity"] >= 2:
            self.stderr.write(output)  # the child's own output: migrate, demo, tracebacks
        if returncode != 0 or results.get("errors"):
            raise CommandError("A benchmark crashed; its figures are missing.")
        slow = [row["name"] for row in results["rows"] if row["status"] == "SLOW"]
        if slow and options["fail_slow"]:
            raise CommandError(f"SLOW: {', '.join(slow)}")
