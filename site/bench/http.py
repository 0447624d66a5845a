"""The real server under concurrent load, beside a bare Django view on the same settings.

Starts gunicorn with two workers exactly as ``bin/run`` does (on the throwaway database), and
in the same run a bare Django view (``bench/bare_wsgi.py``) that returns the very bytes of the
cached page. Rows (latencies under load; throughput and ``ratio`` to the bare view in notes):

- ``http.page.cached``: the English programme page from the page cache;
- ``http.page.uncached``: the Czech programme page (a translated page) with the page cache off
  (``PAGE_CACHE_SECONDS=0``: fragments of menus, switcher and footer still cached);
- ``http.events``: the English event index, as visitors get it (page cache on);
- ``http.api.pages``: the v3 API's German page listing (never page-cached);
- ``http.submit``: application submissions with a one-page PDF CV from 50 concurrent
  clients (each with its own address behind a trusted proxy, as the per-IP limit sees them),
  CSRF token and all; rps, p95, and how many applications the database holds once the
  qcluster (running meanwhile) has accepted them and sent the confirmation emails; the peak
  memory of the web and worker process trees are in this row's notes.

A row is SLOW when its median latency exceeds its limit or its ratio falls below its target.
"""

from __future__ import annotations

import asyncio
import itertools
import re
import statistics
import time
import uuid
from pathlib import Path
from typing import Any

from django.conf import settings

from bench import load, servers
from bench.limits import limit_for
from bench.measure import Row, percentile
from bench.options import Options

NEEDS_DB = True

#: Throughput targets against the bare view (issue 12).
TARGET_RATIO = {"http.page.cached": 0.70, "http.page.uncached": 0.15}
TARGET_SUBMISSIONS_PER_SECOND = 100
CLIENT_PROCESSES = 2
CONNECTIONS_PER_PROCESS = 16
SUBMIT_CLIENTS = 50
SUBMISSIONS_PER_CLIENT = 4


def _row(name: str, tally: load.Tally, seconds: float, notes: dict[str, Any], options) -> Row:
    limit = limit_for(name)
    latencies = tally.latencies_ms or [float("inf")]
    median = statistics.median(latencies)
    limit_ms = limit.median_ms * options.limit_scale
    target = TARGET_RATIO.get(name)
    slow = median > limit_ms or tally.failed > 0
    if target is not None and notes.get("ratio") is not None:
        slow = slow or notes["ratio"] < target
        notes["target_ratio"] = target
    return Row(
        name=name,
        median_ms=round(median, 2),
        p95_ms=round(percentile(latencies, 0.95), 2),
        limit_ms=round(limit_ms, 2),
        status="SLOW" if slow else "OK",
        repeat=tally.ok,
        reason=limit.reason,
        notes={"rps": round(tally.ok / seconds, 1), "failed": tally.failed, **notes},
    )


def _hammer(port: int, path: str, seconds: float) -> load.Tally:
    request = load.get_request(path, host=f"127.0.0.1:{port}")
    load.run(port, request, seconds=1, processes=1, concurrency=2)  # warm-up
    return load.run(
        port,
        request,
        seconds=seconds,
        processes=CLIENT_PROCESSES,
        concurrency=CONNECTIONS_PER_PROCESS,
    )


def _body(port: int, path: str) -> bytes:
    status, answer = asyncio.run(
        load.exchange(port, load.get_request(path, host=f"127.0.0.1:{port}"))
    )
    if status != 200:
        raise RuntimeError(f"GET {path} answered {status}")
    return answer.split(b"\r\n\r\n", 1)[1]


def _urls() -> dict[str, str]:
    from bench.pages import page_url

    return {
        "cached": page_url("programme.ProgrammePage", "en"),
        "uncached": page_url("programme.ProgrammePage", "cs"),
        "events": page_url("events.EventIndexPage", "en"),
        "api": "/api/v3/pages/?locale=de",
    }


# --- submissions -------------------------------------------------------------------------


def _multipart(fields: dict[str, list[str]], cv: bytes) -> tuple[bytes, str]:
    boundary = f"careersteps-bench-{uuid.uuid4().hex}"
    parts = []
    for name, values in fields.items():
        for value in values:
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="cv"; filename="cv.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + cv
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _submissions(port: int, web_pid: int) -> tuple[load.Tally, float, int, float]:
    """50 clients: each GETs the form (cookie and token), then POSTs four applications.
    Returns the tally, the seconds the POSTs took, the application count before them and the
    web processes' CPU seconds while the POSTs ran."""
    from applications.models import Application
    from bench.forms import _intake
    from demo.loaders._applicants import cv_pdf, post_data

    page, spec, institution = _intake()
    path = page.get_url()
    cv = cv_pdf(spec, str(institution))
    numbers = itertools.count(1)
    host = f"127.0.0.1:{port}"
    before = Application.objects.count()

    async def prepare(number: int) -> tuple[str, str, str]:
        """GET the form as this client: its CSRF cookie and token (untimed)."""
        address = f"10.12.{number // 250}.{number % 250 + 1}"
        get = (
            f"GET {path} HTTP/1.1\r\nHost: {host}\r\nX-Forwarded-For: {address}\r\n"
            "Connection: close\r\n\r\n"
        ).encode()
        status, answer = await load.exchange(port, get)
        cookie = re.search(rb"csrftoken=([^;]+);", answer)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', answer)
        if status != 200 or not cookie or not token:
            raise RuntimeError(f"GET {path} answered {status} without a CSRF cookie and token")
        return address, cookie.group(1).decode(), token.group(1).decode()

    async def submit(client: tuple[str, str, str], tally: load.Tally) -> None:
        address, cookie, token = client
        for _ in range(SUBMISSIONS_PER_CLIENT):
            email = f"load.{next(numbers)}@example.org"
            fields = dict(post_data({**spec, "email": email}, institution, "mentee").lists())
            fields["csrfmiddlewaretoken"] = [token]
            body, content_type = _multipart(fields, cv)
            request = (
                f"POST {path} HTTP/1.1\r\nHost: {host}\r\nX-Forwarded-For: {address}\r\n"
                f"Cookie: csrftoken={cookie}\r\n"
                f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
                "Connection: close\r\n\r\n"
            ).encode() + body
            started = time.perf_counter()
            status, _answer = await load.exchange(port, request)
            tally.statuses[status] = tally.statuses.get(status, 0) + 1
            if status == 302:
                tally.ok += 1
                tally.latencies_ms.append((time.perf_counter() - started) * 1000)
            else:
                tally.failed += 1

    async def everyone() -> tuple[load.Tally, float]:
        clients = []
        for batch in range(0, SUBMIT_CLIENTS, 10):  # gentle: ten form GETs at a time
            numbers_ = range(batch, min(batch + 10, SUBMIT_CLIENTS))
            clients += await asyncio.gather(*(prepare(n) for n in numbers_))
        tally = load.Tally()
        cpu_before = servers.cpu_seconds(web_pid)
        began = time.perf_counter()
        await asyncio.gather(*(submit(client, tally) for client in clients))
        elapsed = time.perf_counter() - began
        return tally, elapsed, servers.cpu_seconds(web_pid) - cpu_before

    tally, elapsed, web_cpu = asyncio.run(everyone())
    return tally, elapsed, before, web_cpu


def _drained(deadline_seconds: float = 120) -> int:
    """Wait until the worker has accepted every received submission and emptied the queue
    (or the deadline passed); the tasks left."""
    from django_q.models import OrmQ

    from applications.models import ReceivedSubmission

    deadline = time.monotonic() + deadline_seconds
    while time.monotonic() < deadline and (
        OrmQ.objects.exists() or ReceivedSubmission.objects.exists()
    ):
        time.sleep(0.5)
    return OrmQ.objects.count()


# --- the group ---------------------------------------------------------------------------


def rows(options: Options) -> list[Row]:
    from applications.models import Application

    seconds = options.http_seconds
    directory = Path(settings.VAR_DIR)
    log = directory / "http-bench.log"
    urls = _urls()
    results: list[Row] = []
    trusted = {"TRUSTED_PROXIES": "127.0.0.1"}

    with servers.gunicorn("careersteps.wsgi", log, **trusted) as (port, web):
        body = _body(port, urls["cached"])
        measured = {
            "cached": _hammer(port, urls["cached"], seconds),
            "events": _hammer(port, urls["events"], seconds),
            "api": _hammer(port, urls["api"], seconds),
        }
        with servers.qcluster(directory / "qcluster.log") as worker:
            servers.wait_until_idle(worker.pid)  # a running worker, as in production
            submitted, elapsed, before, web_cpu = _submissions(port, web.pid)
            # The worker accepts the submissions after the burst: count what it stored.
            queue_left = _drained()
            stored = Application.objects.count() - before
            worker_memory = servers.peak_memory_mb(worker.pid)
        web_memory = servers.peak_memory_mb(web.pid)

    with servers.gunicorn("careersteps.wsgi", log, PAGE_CACHE_SECONDS="0", **trusted) as (
        port,
        _web,
    ):
        measured["uncached"] = _hammer(port, urls["uncached"], seconds)

    body_file = directory / "bare-body.html"
    body_file.write_bytes(body)
    with servers.gunicorn("bench.bare_wsgi", log, CAREERSTEPS_BENCH_BARE_BODY=str(body_file)) as (
        port,
        _bare,
    ):
        bare = _hammer(port, urls["cached"], seconds)
    bare_rps = bare.ok / seconds

    def ratio(tally: load.Tally) -> float | None:
        return round((tally.ok / seconds) / bare_rps, 3) if bare_rps else None

    for name, key in (
        ("http.page.cached", "cached"),
        ("http.page.uncached", "uncached"),
        ("http.events", "events"),
        ("http.api.pages", "api"),
    ):
        tally = measured[key]
        results.append(
            _row(
                name,
                tally,
                seconds,
                {"ratio": ratio(tally), "bare_rps": round(bare_rps, 1), "path": urls[key]},
                options,
            )
        )
    submit_row = _row(
        "http.submit",
        submitted,
        elapsed,
        {
            "clients": SUBMIT_CLIENTS,
            "submitted": submitted.ok + submitted.failed,
            "stored": stored,
            "target_rps": TARGET_SUBMISSIONS_PER_SECOND,
            "queue_left": queue_left,
            # CPU of the two web workers per submission while the POSTs ran (the worker
            # accepts them afterwards): what caps the rate on two cores.
            "web_cpu_ms_per_submission": round(web_cpu * 1000 / max(submitted.ok, 1), 1),
            "web_peak_mb": web_memory["total_mb"],
            "web_processes": web_memory["processes"],
            "worker_peak_mb": worker_memory["total_mb"],
            "worker_processes": worker_memory["processes"],
        },
        options,
    )
    if submit_row.notes["rps"] < TARGET_SUBMISSIONS_PER_SECOND or stored != submitted.ok:
        submit_row.status = "SLOW"
    results.append(submit_row)
    return results
