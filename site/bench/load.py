"""A small HTTP load generator for the ``http`` group: loopback only, bounded in time.

Client processes (so that the client is not one GIL-bound thread) each keep ``concurrency``
connections busy with asyncio for ``seconds``; every request is a fresh HTTP/1.1 connection
with ``Connection: close``, as gunicorn's sync workers serve them. Each process returns its
successes, failures and latencies; ``run`` adds them up.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from collections.abc import Callable
from dataclasses import dataclass, field

HOST = "127.0.0.1"


@dataclass
class Tally:
    ok: int = 0
    failed: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)

    def add(self, other: Tally) -> None:
        self.ok += other.ok
        self.failed += other.failed
        self.latencies_ms += other.latencies_ms
        for status, count in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + count


def get_request(path: str, host: str = HOST) -> bytes:
    return (
        f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: careersteps-bench\r\n"
        "Accept: text/html\r\nConnection: close\r\n\r\n"
    ).encode()


async def exchange(port: int, request: bytes) -> tuple[int, bytes]:
    """Send one request on a new connection; return the status and the whole answer."""
    reader, writer = await asyncio.open_connection(HOST, port)
    try:
        writer.write(request)
        await writer.drain()
        answer = await reader.read()
    finally:
        writer.close()
    status = int(answer[9:12]) if answer.startswith(b"HTTP/1.") else 0
    return status, answer


async def _hammer(port: int, request: bytes, concurrency: int, seconds: float) -> Tally:
    tally = Tally()
    deadline = time.perf_counter() + seconds

    async def connection() -> None:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            try:
                status, _answer = await exchange(port, request)
            except OSError:
                status = 0
            tally.statuses[status] = tally.statuses.get(status, 0) + 1
            if status == 200:
                tally.ok += 1
                tally.latencies_ms.append((time.perf_counter() - started) * 1000)
            else:
                tally.failed += 1

    await asyncio.gather(*(connection() for _ in range(concurrency)))
    return tally


def _process(port, request, concurrency, seconds, queue) -> None:
    queue.put(asyncio.run(_hammer(port, request, concurrency, seconds)))


def run(port: int, request: bytes, *, seconds: float, processes: int, concurrency: int) -> Tally:
    """Load ``port`` with ``request`` from ``processes`` × ``concurrency`` connections."""
    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    workers = [
        context.Process(target=_process, args=(port, request, concurrency, seconds, queue))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    total = Tally()
    for _ in workers:
        total.add(queue.get(timeout=seconds + 120))
    for worker in workers:
        worker.join(timeout=10)
    return total


def run_each(port: int, requests: list[bytes], check: Callable[[int, bytes], bool]) -> Tally:
    """Send each request once, all at the same time (one connection each)."""

    async def everyone() -> Tally:
        tally = Tally()

        async def one(request: bytes) -> None:
            started = time.perf_counter()
            try:
                status, answer = await exchange(port, request)
            except OSError:
                status, answer = 0, b""
            tally.statuses[status] = tally.statuses.get(status, 0) + 1
            if check(status, answer):
                tally.ok += 1
                tally.latencies_ms.append((time.perf_counter() - started) * 1000)
            else:
                tally.failed += 1

        await asyncio.gather(*(one(request) for request in requests))
        return tally

    return asyncio.run(everyone())
