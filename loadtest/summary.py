"""The load run's figures, from locust's CSV statistics, what the clients saw accepted, the
database's side (``loadtest.prepare report``) and the server and worker logs; the exit code
says whether the run passed: no failed request, no error in the logs, no submission lost
(accepted but not stored), none stored unseen, every email sent.

``python -m loadtest.summary DIR`` (``bin/loadtest`` calls it with its run directory).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

#: Lines in the web or worker log that mean something went wrong on the server.
ERROR_MARKERS = ("Traceback", "database is locked", "[CRITICAL]", "WORKER TIMEOUT", " ERROR ")


def _stats(directory: Path) -> list[dict[str, str]]:
    path = directory / "locust_stats.csv"
    if not path.exists():
        return []
    with path.open(newline="") as handle:
        return list(csv.DictReader(handle))


def _log_errors(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(errors="replace").splitlines()
    return [line for line in lines if any(marker in line for marker in ERROR_MARKERS)]


def summarise(directory: Path) -> tuple[dict[str, Any], bool]:
    stats = _stats(directory)
    seen = json.loads((directory / "results.json").read_text())
    database = json.loads((directory / "db.json").read_text())
    run = json.loads((directory / "run.json").read_text())
    rows = [row for row in stats if row["Name"] != "Aggregated"]
    total = next((row for row in stats if row["Name"] == "Aggregated"), None)
    window = seen.get("submit_window") or [0, 0]
    submit_seconds = max(window[1] - window[0], 1e-9)
    failures = sum(int(row["Failure Count"]) for row in rows)
    log_errors = _log_errors(directory / "web.log") + _log_errors(directory / "worker.log")
    figures = {
        "run": run,
        "requests": int(total["Request Count"]) if total else 0,
        "requests_per_second": round(float(total["Requests/s"]), 1) if total else 0,
        "failed_requests": failures,
        "server_errors_logged": len(log_errors),
        "submissions_accepted": database["accepted"],
        "submissions_stored": database["stored"],
        "submissions_lost": len(database["lost"]),
        "stored_but_not_seen_accepted": len(database["stored_not_seen_accepted"]),
        "submissions_per_second": round(database["accepted"] / submit_seconds, 2),
        "submit_window_seconds": round(submit_seconds, 1),
        "staff_work_seen": seen.get("done", {}),
        "database": database,
        "per_request": [
            {
                "name": f"{row['Type']} {row['Name']}".strip(),
                "count": int(row["Request Count"]),
                "failed": int(row["Failure Count"]),
                "median_ms": row["50%"],
                "p95_ms": row["95%"],
                "max_ms": round(float(row["Max Response Time"])),
            }
            for row in rows
        ],
        "log_error_lines": log_errors[:20],
    }
    passed = (
        failures == 0
        and not log_errors
        and not database["lost"]
        and not database["stored_not_seen_accepted"]
        and database["accepted"] > 0
        and database["emails_waiting"] == 0
        and database["emails_failed"] == 0
    )
    return figures, passed


def render(figures: dict[str, Any], passed: bool) -> str:
    db = figures["database"]
    run = figures["run"]
    lines = [
        f"Load test: {run['users']} users ({run['applicants']} applicants, {run['reviewers']} "
        f"reviewers, {run['coordinators']} coordinators, {run['visitors']} visitors) for "
        f"{run['run_time']} (then up to {run['stop_timeout']} s for applicants finishing; "
        f"{run['wall_seconds']} s in all) against gunicorn ({run['web_workers']} workers) + 1 "
        f"qcluster, SQLite, {run['cpus']} CPUs; load average before {run['load_before']}, "
        f"after {run['load_after']}",
        f"  requests        {figures['requests']} ({figures['requests_per_second']} per second)",
        f"  errors          {figures['failed_requests']} failed requests, "
        f"{figures['server_errors_logged']} error lines in the server and worker logs",
        f"  submissions     {figures['submissions_accepted']} of {run['applicants']} accepted in "
        f"{figures['submit_window_seconds']} s ({figures['submissions_per_second']} per second); "
        f"{figures['submissions_stored']} in the database; lost {figures['submissions_lost']}, "
        f"stored unseen {figures['stored_but_not_seen_accepted']}",
        f"  staff work      {figures['staff_work_seen']}; reviews in the database "
        f"{db['reviews_submitted']}; applicants' states {db['states']}",
        f"  emails          {db['emails_queued']} queued, {db['emails_sent']} sent, "
        f"{db['emails_failed']} failed, {db['emails_waiting']} waiting; tasks left "
        f"{db['tasks_queued_left']}, failed {db['tasks_failed']}",
        "",
        f"  {'request':<40} {'count':>6} {'failed':>6} {'median ms':>10} {'p95 ms':>8}"
        f" {'max ms':>8}",
    ]
    for row in figures["per_request"]:
        lines.append(
            f"  {row['name'][:40]:<40} {row['count']:>6} {row['failed']:>6} "
            f"{row['median_ms']:>10} {row['p95_ms']:>8} {row['max_ms']:>8}"
        )
    if figures["log_error_lines"]:
        lines += ["", "  error lines (first 20):"]
        lines += [f"    {line}" for line in figures["log_error_lines"]]
    if db["lost"]:
        lines += ["", f"  lost: {', '.join(db['lost'][:20])}"]
    lines += ["", "PASSED" if passed else "FAILED: see above"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m loadtest.summary RUN_DIRECTORY", file=sys.stderr)
        return 2
    directory = Path(argv[0])
    figures, passed = summarise(directory)
    (directory / "summary.json").write_text(json.dumps(figures, indent=2))
    print(render(figures, passed))
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
