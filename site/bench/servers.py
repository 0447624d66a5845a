"""Real servers for the ``http`` group: gunicorn (the site, or the bare view) and a qcluster,
started as ``bin/run`` starts them, stopped by SIGTERM to their main process, and their peak
memory (the sum of ``VmHWM`` over the main process and its children) read from /proc."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

WEB_WORKERS = 2


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError, ValueError):
            found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _tree(pid: int) -> list[int]:
    pids, queue = [], [pid]
    while queue:
        current = queue.pop()
        pids.append(current)
        queue += _children(current)
    return pids


def _hwm_kb(pid: int) -> int:
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the process tree under ``pid`` so far, its waited-for
    children included; 0 where /proc is missing."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for each in _tree(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return total / ticks


def wait_until_idle(pid: int, timeout: float = 60, interval: float = 0.5) -> float:
    """Wait until the process tree under ``pid`` has started up (it used less than a tenth of
    a core over ``interval``), at most ``timeout`` seconds; the seconds waited. A qcluster's
    six processes importing Django take seconds of CPU: measured meanwhile, they would be
    counted against whatever the benchmark measures."""
    started = time.monotonic()
    used = cpu_seconds(pid)
    while time.monotonic() - started < timeout:
        time.sleep(interval)
        now = cpu_seconds(pid)
        if now - used < interval / 10:
            break
        used = now
    return time.monotonic() - started


def peak_memory_mb(pid: int) -> dict[str, float]:
    """Peak RSS of the process tree under ``pid``: the total and its largest process."""
    peaks = [_hwm_kb(each) for each in _tree(pid)]
    return {
        "total_mb": round(sum(peaks) / 1024, 1),
        "largest_mb": round(max(peaks, default=0) / 1024, 1),
        "processes": len(peaks),
    }


def _wait_for_port(port: int, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited with {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"nothing answered on port {port} within {timeout} s")


def _stop(process: subprocess.Popen, grace: float = 15) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)  # the main process only (django-q2#66)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def environment(**extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careersteps.settings.base",
        "PYTHONUNBUFFERED": "1",
        "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),  # as bin/run
        **extra,
    }


@contextlib.contextmanager
def gunicorn(app: str, log: Path, **env: str) -> Iterator[tuple[int, subprocess.Popen]]:
    """``gunicorn --pythonpath site <app>`` with two workers on a free port, as bin/run."""
    port = free_port()
    executable = Path(sys.executable).with_name("gunicorn")
    command = [
        str(executable),
        "--pythonpath",
        str(settings.BASE_DIR / "site"),
        app,
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(WEB_WORKERS),
        "--graceful-timeout",
        "10",
        "--backlog",
        "2048",
    ]
    with open(log, "ab") as output:
        process = subprocess.Popen(  # noqa: S603 - our gunicorn, fixed arguments
            command,
            cwd=settings.BASE_DIR,
            env=environment(**env),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for_port(port, process)
        yield port, process
    finally:
        _stop(process)


@contextlib.contextmanager
def qcluster(log: Path, **env: str) -> Iterator[subprocess.Popen]:
    with open(log, "ab") as output:
        process = subprocess.Popen(  # noqa: S603 - this interpreter, manage.py, fixed arguments
            [sys.executable, str(settings.BASE_DIR / "manage.py"), "qcluster"],
            cwd=settings.BASE_DIR,
            env=environment(**env),
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield process
    finally:
        _stop(process, grace=20)
