"""Which benchmark groups exist, the throwaway database they run in, and running them.

``manage.py bench`` never measures the user's data. The command (the *parent*) makes a
temporary directory and an empty database (a SQLite file in that directory, or
``careersteps_bench_<pid>`` on the same PostgreSQL server when ``DATABASE_URL`` is
PostgreSQL), then runs itself again as a *child* process whose ``DATABASE_URL``, media
directories and ``var/`` point there, with the in-memory mail backend and the ORM broker
(``REDIS_URL`` cleared, so no task reaches a real worker). The child migrates, loads
``manage.py demo``, measures, and writes its rows as JSON. The parent prints them and
removes the directory and database, also when the child fails.

A child process, rather than ``setup_databases`` in-process, because settings are read from
the environment once at import (``DATABASE_URL``, ``MEDIA_ROOT``, ``Q_CLUSTER``): only a fresh
process sees every one of them point at the throwaway place.
"""

from __future__ import annotations

import importlib
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

from bench.options import Options

#: Benchmark groups in printing order; each is a module ``bench.<group>`` with ``rows()``.
GROUPS = (
    "pages",
    "api",
    "ical",
    "forms",
    "portal",
    "review",
    "pdf",
    "matching",
    "agreements",
    "http",
    "workflow",
)
#: Run when no ``--only`` is given. ``http`` (real servers under load) and ``workflow`` (the
#: whole workflow at 10,000 applications) take minutes and are asked for by name.
DEFAULT_GROUPS = tuple(group for group in GROUPS if group not in {"http", "workflow"})

#: Groups that start their own servers and processes (with their own page cache settings).
OUT_OF_PROCESS = frozenset({"http", "workflow"})

CHILD_FLAG = "CAREERSTEPS_BENCH_CHILD"
CHILD_DB = "CAREERSTEPS_BENCH_DB"
CHILD_OUT = "CAREERSTEPS_BENCH_OUT"


def group_module(group: str):
    return importlib.import_module(f"bench.{group}")


def needs_database(groups: list[str]) -> bool:
    return any(group_module(group).NEEDS_DB for group in groups)


def machine() -> dict[str, Any]:
    try:
        load = [round(x, 2) for x in os.getloadavg()]
    except OSError:
        load = None
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": load,
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
    }


# --- parent: the throwaway place ---------------------------------------------------------


def _postgres_url(name: str) -> str:
    db = settings.DATABASES["default"]
    user = quote(db.get("USER") or "", safe="")
    password = quote(db.get("PASSWORD") or "", safe="")
    auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = db.get("HOST") or "localhost"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}{host}{port}/{name}"


def _postgres(sql: str) -> None:
    from django.db import connection

    with connection._nodb_cursor() as cursor:  # the test runner's way to reach the server
        cursor.execute(sql)


@contextmanager
def throwaway() -> Iterator[tuple[dict[str, str], Path]]:
    """Yield the child's environment and its results file; remove everything afterwards."""
    from django.db import connection

    directory = Path(tempfile.mkdtemp(prefix="careersteps-bench-"))
    postgres = connection.vendor == "postgresql"
    name = f"careersteps_bench_{os.getpid()}"
    try:
        if postgres:
            quoted = connection.ops.quote_name(name)
            _postgres(f"DROP DATABASE IF EXISTS {quoted}")
            _postgres(f"CREATE DATABASE {quoted}")
            url, db_name = _postgres_url(name), name
        else:
            db_name = str(directory / "bench.sqlite3")
            url = f"sqlite:///{db_name}"
        out = directory / "results.json"
        env = {
            **os.environ,
            CHILD_FLAG: "1",
            CHILD_DB: db_name,
            CHILD_OUT: str(out),
            "DATABASE_URL": url,
            "CAREERSTEPS_VAR_DIR": str(directory / "var"),
            "MEDIA_ROOT": str(directory / "media"),
            "PRIVATE_MEDIA_ROOT": str(directory / "private"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "REDIS_URL": "",
        }
        yield env, out
    finally:
        if postgres:
            _postgres(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)} WITH (FORCE)")
        shutil.rmtree(directory, ignore_errors=True)


def run_child(groups: list[str], options: Options) -> tuple[dict[str, Any], int, str]:
    """Run the child; return its results, exit code and combined output."""
    with throwaway() as (env, out):
        command = [
            sys.executable,
            str(settings.BASE_DIR / "manage.py"),
            "bench",
            "--child",
            "--repeat",
            str(options.repeat),
            "--limit-scale",
            str(options.limit_scale),
            "--http-seconds",
            str(options.http_seconds),
            "--workflow-count",
            str(options.workflow_count),
            "--only",
            *groups,
        ]
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
        return results, done.returncode, done.stdout


# --- child: measuring --------------------------------------------------------------------


def check_child_database() -> None:
    """Refuse to run unless this process really points at the parent's throwaway database."""
    expected = os.environ.get(CHILD_DB)
    actual = str(settings.DATABASES["default"]["NAME"])
    if os.environ.get(CHILD_FLAG) != "1" or not expected or actual != expected:
        raise RuntimeError(
            "bench --child only runs in the throwaway database its parent made "
            f"(expected {expected!r}, configured {actual!r})"
        )


def prepare_child() -> None:
    settings.DEBUG = False
    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]


def measure_groups(groups: list[str], options: Options) -> dict[str, Any]:
    """Migrate and load the demo (when a group needs data), then run each group."""
    check_child_database()
    prepare_child()
    if needs_database(groups):
        call_command("migrate", verbosity=0, interactive=False)
        call_command("demo", verbosity=0)
    rows: list[dict[str, Any]] = []
    errors: list[dict[str, str]] = []
    for group in groups:
        try:
            # In-process rows measure the application, not the page cache (a cached page is
            # one cache read): the http group measures the cache, on real servers.
            in_process = group not in OUT_OF_PROCESS
            with override_settings(PAGE_CACHE_SECONDS=0) if in_process else nullcontext():
                rows += [row.as_dict() for row in group_module(group).rows(options)]
        except Exception:  # a crashed group is reported; the others still run
            errors.append({"group": group, "error": traceback.format_exc()})
    return {"machine": machine(), "rows": rows, "errors": errors}


def write_results(results: dict[str, Any]) -> None:
    Path(os.environ[CHILD_OUT]).write_text(json.dumps(results, indent=2))
