"""The running careerSTEPS the browser tests talk to: a real site and a real qcluster.

Both run as subprocesses of pytest, exactly as in production (``manage.py runserver`` stands in
for the WSGI server), pointed at one SQLite file through ``DATABASE_URL`` and at one throwaway
``CAREERSTEPS_VAR_DIR`` (public media, private uploads, and the filebased mail directory the
tests read sign-in links from).

Why subprocesses and not pytest-django's ``live_server``: ``live_server`` serves from a thread
inside the test process with the test database, wrapped in transactions the worker can't see;
the worker must be a real ``qcluster`` process anyway, and two real processes sharing a file
database behave like the deployed site (WAL, IMMEDIATE transactions, the ORM broker).

The browser database is its own file, ``var/browser-<CAREERSTEPS_TEST_DB>.sqlite3``, rebuilt for
every session (``migrate`` + ``demo``): committed browser data never leaks into the
``--reuse-db`` database the rest of the suite uses. ``CAREERSTEPS_BROWSER_REUSE_DB=1`` keeps an
existing file (faster while writing tests; the tests then see data left by earlier runs).
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "browser"
SETTINGS_MODULE = "careersteps.settings.base"


def free_port() -> int:
    """A TCP port for the site: CAREERSTEPS_BROWSER_PORT if set, else one the OS picks."""
    wanted = os.environ.get("CAREERSTEPS_BROWSER_PORT")
    if wanted:  # one port per pytest-xdist worker (gw0, gw1, ...)
        return int(wanted) + int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class RunningSite:
    """One site process and one qcluster process sharing a database file and a var dir."""

    db_path: Path
    var_dir: Path
    port: int
    log_dir: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    _shell: QueryShell | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def mail_dir(self) -> Path:
        """Where Django's filebased EmailBackend writes (settings: VAR_DIR / "mail")."""
        return self.var_dir / "mail"

    def env(self) -> dict[str, str]:
        """The environment of every subprocess: same database, same var dir, this site's URL."""
        keep = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_BACKEND", "MEDIA_ROOT"}
            and key not in {"PRIVATE_MEDIA_ROOT", "DJANGO_DEBUG", "SITE_URL"}
        }
        return {
            **keep,
            "DJANGO_SETTINGS_MODULE": SETTINGS_MODULE,
            "DATABASE_URL": f"sqlite:///{self.db_path}",
            "CAREERSTEPS_VAR_DIR": str(self.var_dir),
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "SITE_URL": self.base_url,
            "DJANGO_DEBUG": "0",
            "Q_WORKERS": "1",
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        """Run ``manage.py <args>`` against this site's database; raise with its output on error."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
                f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
            )
        return result

    def query(self, code: str) -> Any:
        """Run Python ``code`` as in ``manage.py shell`` on this site's database and return the
        JSON-serialisable value it assigns to ``result`` (how tests look behind the pages).

        One long-lived shell answers every query: starting Django for each one cost seconds
        (a few dozen queries per session)."""
        if self._shell is None or not self._shell.alive():
            self._shell = QueryShell(self)
        return self._shell.run(code)

    def start_process(self, name: str, *args: str) -> subprocess.Popen:
        """Start ``manage.py <args>`` in its own session, output to log_dir/<name>.log."""
        log = open(self.log_dir / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env(),
            stdout=log,
            stderr=subprocess.STDOUT,
            # Own session: the -9 fallback can take the worker children down with the parent,
            # and a Ctrl+C on pytest doesn't reach qcluster as a process-group signal (which
            # hangs it: stack.md §3, django-q2#66).
            start_new_session=True,
        )
        log.close()
        self.processes[name] = process
        return process

    def wait_until_serving(self, timeout: float = 60) -> None:
        """Poll the site until it answers HTTP (any status), or fail with its log."""
        deadline = time.monotonic() + timeout
        site = self.processes["site"]
        while time.monotonic() < deadline:
            if site.poll() is not None:
                raise RuntimeError(f"the site exited ({site.returncode}):\n{self.log('site')}")
            try:
                urllib.request.urlopen(f"{self.base_url}/en/", timeout=5)  # noqa: S310
                return
            except urllib.error.HTTPError:
                return  # it answered, even if with an error page
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the site did not answer within {timeout} s:\n{self.log('site')}")

    def log(self, name: str, tail: int = 6000) -> str:
        path = self.log_dir / f"{name}.log"
        return path.read_text(errors="replace")[-tail:] if path.exists() else ""

    def stop(self) -> None:
        """Stop qcluster by SIGTERM to its main pid only (then -9), and the site likewise."""
        if self._shell is not None:
            self._shell.close()
            self._shell = None
        for name in ("qcluster", "site"):
            process = self.processes.pop(name, None)
            if process is None or process.poll() is not None:
                continue
            process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=15)
            # Whatever is left of its session (a hung guard, orphaned workers) gets -9.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


#: The query shell's loop: each request is one JSON line ``{"code": ..., "nonce": ...}``; the
#: answer is a line ``<nonce>RESULT=<json>`` or ``<nonce>ERROR=<json traceback>``, whatever the
#: code prints before it notwithstanding. Each query gets a fresh copy of the shell's namespace
#: (its automatic imports), an empty local-memory cache and no database connection left open,
#: as a ``manage.py shell`` of its own would.
_SHELL_LOOP = """
import json as _json, sys as _sys, traceback as _traceback
from django.core.cache import caches as _caches
from django.core.cache.backends.locmem import LocMemCache as _LocMem
from django.db import connections as _connections
from django.utils import translation as _translation
_base = dict(globals())
_language = _translation.get_language()
for _line in _sys.stdin:
    _request = _json.loads(_line)
    for _cache in _caches.all():
        if isinstance(_cache, _LocMem):
            _cache.clear()
    _namespace = dict(_base)
    try:
        exec(_request["code"], _namespace)
        _answer = "RESULT=" + _json.dumps(_namespace.get("result"), default=str)
    except BaseException:
        _answer = "ERROR=" + _json.dumps(_traceback.format_exc())
    finally:
        _connections.close_all()
        _translation.activate(_language) if _language else _translation.deactivate_all()
    print("\\n" + _request["nonce"] + _answer, flush=True)
"""


class QueryShell:
    """A ``manage.py shell`` that stays up and runs one query after another for the tests."""

    def __init__(self, site: RunningSite, timeout: float = 300) -> None:
        self.timeout = timeout
        self.log_path = site.log_dir / "query-shell.log"
        self.process = subprocess.Popen(  # noqa: S603 - our own manage.py
            [sys.executable, "manage.py", "shell", "-c", _SHELL_LOOP],
            cwd=ROOT,
            env=site.env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log_path.open("ab"),
            start_new_session=True,
        )
        self.buffer = b""
        self.count = 0

    def alive(self) -> bool:
        return self.process.poll() is None

    def _line(self, deadline: float) -> bytes:
        assert self.process.stdout is not None
        fd = self.process.stdout.fileno()
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError
            chunk = os.read(fd, 65536)
            if not chunk:
                raise EOFError
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line

    def run(self, code: str) -> Any:
        assert self.process.stdin is not None
        self.count += 1
        nonce = f"@@query-{os.getpid()}-{self.count}@@"
        self.process.stdin.write((json.dumps({"code": code, "nonce": nonce}) + "\n").encode())
        self.process.stdin.flush()
        deadline = time.monotonic() + self.timeout
        try:
            while True:
                line = self._line(deadline).decode(errors="replace")
                if line.startswith(nonce):
                    answer = line.removeprefix(nonce)
                    break
        except (TimeoutError, EOFError) as error:
            self.close()
            log = self.log_path.read_text(errors="replace")[-4000:]
            raise RuntimeError(f"the query shell gave no answer ({error!r}):\n{log}") from None
        if answer.startswith("ERROR="):
            raise RuntimeError("query failed:\n" + json.loads(answer.removeprefix("ERROR=")))
        return json.loads(answer.removeprefix("RESULT="))

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.close()  # the loop ends at the end of its input
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        with contextlib.suppress(OSError, ValueError):
            self.process.stdout.close()


def build_database(site: RunningSite) -> None:
    """A fresh database file: migrations, then the demo content. (The gettext catalogs are
    compiled by the session fixture in tests/conftest.py before any of this runs.)"""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{site.db_path}{suffix}").unlink(missing_ok=True)
    site.manage("migrate", "--noinput")
    site.manage("demo")  # the demo publishes the open cohort's forms and the review rubrics


def start_site() -> RunningSite:
    """Build the database, start the site and the worker; the caller must call ``stop()``."""
    test_db = os.environ.get("CAREERSTEPS_TEST_DB", "test")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # its own database per xdist worker
    (ROOT / "var").mkdir(exist_ok=True)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    log_dir = ARTIFACTS / (f"_logs-{worker}" if worker else "_logs")
    shutil.rmtree(log_dir, ignore_errors=True)
    log_dir.mkdir(parents=True)
    site = RunningSite(
        db_path=ROOT / "var" / f"browser-{test_db}{worker}.sqlite3",
        var_dir=Path(tempfile.mkdtemp(prefix="careersteps-browser-")),
        port=free_port(),
        log_dir=log_dir,
    )
    if not (os.environ.get("CAREERSTEPS_BROWSER_REUSE_DB") and site.db_path.exists()):
        build_database(site)
    try:
        site.start_process("site", "runserver", "--noreload", f"127.0.0.1:{site.port}")
        site.start_process("qcluster", "qcluster")
        site.wait_until_serving()
    except BaseException:
        site.stop()
        raise
    return site
