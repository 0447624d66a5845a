"""The workflow benchmark's other configurations: PostgreSQL with the ORM broker, and
PostgreSQL with the Redis broker and four workers, each when its services answer.

django-q2 reads its broker from settings once at import, and settings read ``DATABASE_URL``
and ``REDIS_URL`` once too, so each configuration is a fresh ``manage.py bench --child``
process (migrate, demo, the workflow) with its own throwaway PostgreSQL database
(``careersteps_bench_wf_<pid>_<n>``, dropped afterwards) and its own Redis database number
(flushed before and after). The enqueueing child and its qcluster both get ``REDIS_URL``, so
the site side enqueues to Redis exactly as the worker dequeues from it. Each child inherits
this process's environment, so ``CAREERSTEPS_BENCH_COHORT_SIZE`` and
``CAREERSTEPS_BENCH_SUBMITTERS`` (:mod:`bench.workflow`) apply to every configuration alike.

Where the services live: ``CAREERSTEPS_BENCH_POSTGRES`` (default
``postgres://postgres@127.0.0.1:5432/postgres``, the maintenance database used to create and
drop the bench database) and ``CAREERSTEPS_BENCH_REDIS`` (default
``redis://127.0.0.1:6379/6``). A configuration whose service does not answer is left out and
said so in the parent row's notes (``skipped``).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

from bench.options import Options

#: Set in a configuration's child: run the workflow once, on this process's own setup.
ONE = "CAREERSTEPS_BENCH_WORKFLOW_ONE"
POSTGRES = os.environ.get(
    "CAREERSTEPS_BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432/postgres"
)
REDIS = os.environ.get("CAREERSTEPS_BENCH_REDIS", "redis://127.0.0.1:6379/6")


@dataclass(frozen=True)
class Configuration:
    database: str  # "postgresql" (the vendor name the row uses)
    broker: str  # "orm" or "redis"
    workers: int


#: After the child's own configuration (SQLite or PostgreSQL, ORM broker, Q_WORKERS).
OTHERS = (
    Configuration("postgresql", "orm", 2),
    Configuration("postgresql", "redis", 4),
)


def answers(url: str) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 0), 2):
            return True
    except OSError:
        return False


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, f"/{name}", parts.query, parts.fragment))


def _postgres_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(POSTGRES.replace("postgres://", "postgresql://", 1)) as conn:
        conn.autocommit = True
        conn.execute(sql)


def _flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS).flushdb()


def run_configuration(
    configuration: Configuration, options: Options, number: int
) -> dict[str, Any]:
    """Run ``configuration`` in a fresh child; return its row (as a dict) or raise."""
    name = f"careersteps_bench_wf_{os.getpid()}_{number}"
    directory = Path(tempfile.mkdtemp(prefix="careersteps-bench-wf-"))
    out = directory / "results.json"
    env = {
        **os.environ,
        ONE: "1",
        "CAREERSTEPS_BENCH_CHILD": "1",
        "CAREERSTEPS_BENCH_DB": name,
        "CAREERSTEPS_BENCH_OUT": str(out),
        "DATABASE_URL": _with_database(POSTGRES, name),
        "CAREERSTEPS_VAR_DIR": str(directory / "var"),
        "MEDIA_ROOT": str(directory / "media"),
        "PRIVATE_MEDIA_ROOT": str(directory / "private"),
        "REDIS_URL": REDIS if configuration.broker == "redis" else "",
        "Q_WORKERS": str(configuration.workers),
    }
    command = [
        sys.executable,
        str(settings.BASE_DIR / "manage.py"),
        "bench",
        "--child",
        "--limit-scale",
        str(options.limit_scale),
        "--workflow-count",
        str(options.workflow_count),
        "--only",
        "workflow",
    ]
    _postgres_admin(f'DROP DATABASE IF EXISTS "{name}"')
    _postgres_admin(f'CREATE DATABASE "{name}"')
    if configuration.broker == "redis":
        _flush_redis()
    try:
        # This interpreter, this manage.py and fixed arguments: nothing comes from outside.
        done = subprocess.run(  # noqa: S603
            command,
            env=env,
            cwd=settings.BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            check=False,
        )
        results = json.loads(out.read_text()) if out.exists() else {"rows": [], "errors": []}
        if done.returncode or results["errors"] or not results["rows"]:
            errors = "\n".join(error["error"] for error in results["errors"])
            raise RuntimeError(
                f"workflow on {configuration} failed ({done.returncode}):\n{errors}\n"
                + done.stdout[-4000:]
            )
        return results["rows"][0]
    finally:
        _postgres_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if configuration.broker == "redis":
            _flush_redis()
        subprocess.run(["rm", "-rf", str(directory)], check=False)  # noqa: S603,S607


def others(options: Options, vendor: str, broker: str) -> tuple[list[dict[str, Any]], list[str]]:
    """The rows of the configurations this child did not run itself; and the skipped ones."""
    rows: list[dict[str, Any]] = []
    skipped: list[str] = []
    for number, configuration in enumerate(OTHERS):
        label = f"{configuration.database}.{configuration.broker}"
        if (configuration.database, configuration.broker) == (vendor, broker):
            continue
        if not answers(POSTGRES) or (configuration.broker == "redis" and not answers(REDIS)):
            skipped.append(f"{label} (no answer)")
            continue
        rows.append(run_configuration(configuration, options, number))
    return rows, skipped
