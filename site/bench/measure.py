"""Timing one benchmark row: a warm-up, N timed repeats, median and p95, peak RSS, queries.

Peak RSS is the process high-water mark (``VmHWM``), reset before each row through
``/proc/self/clear_refs`` where Linux allows it, so the delta belongs to this row rather than
to whatever ran before. Elsewhere it falls back to ``ru_maxrss``, which only ever grows:
the delta is then a lower bound and usually 0 after the first rows.
"""

from __future__ import annotations

import contextlib
import math
import resource
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.limits import limit_for

STATUS = Path("/proc/self/status")
CLEAR_REFS = Path("/proc/self/clear_refs")


@dataclass
class Row:
    """One printed line: what was measured, the figures, and the limit beside them."""

    name: str
    median_ms: float
    p95_ms: float
    limit_ms: float
    status: str  # "OK" or "SLOW"
    repeat: int
    reason: str
    rss_delta_mb: float | None = None
    queries: int | None = None
    notes: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _status_kb(key: str) -> int | None:
    try:
        for line in STATUS.read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def reset_peak_rss() -> int:
    """Reset the high-water mark if the kernel allows it; return the current RSS in KiB."""
    with contextlib.suppress(OSError):  # not Linux, or not allowed: ru_maxrss fallback
        CLEAR_REFS.write_text("5")
    current = _status_kb("VmRSS")
    if current is None:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return current


def peak_rss() -> int:
    peak = _status_kb("VmHWM")
    return peak if peak is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile: with few repeats p95 is simply the slowest run."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, math.ceil(fraction * len(ordered)) - 1))
    return ordered[index]


def measure(
    name: str,
    run: Callable[[], Any],
    *,
    repeat: int,
    limit_scale: float = 1.0,
    setup: Callable[[], Any] | None = None,
    count_queries: bool = True,
    memory: bool = True,
) -> Row:
    """Time ``run`` ``repeat`` times after one untimed warm-up.

    ``setup`` (untimed) runs before every call and its result is passed to ``run``, for rows
    that need fresh input each time (a new email address, a new outbox row). Queries are
    counted on the last repeat, so caches warmed by earlier runs count as they would live.
    """
    call = (lambda: run(setup())) if setup else run
    call()  # warm-up: imports, template loading, first-query costs
    before = reset_peak_rss() if memory else 0
    timings: list[float] = []
    queries: int | None = None
    for index in range(repeat):
        argument = setup() if setup else None
        last = index == repeat - 1
        context = CaptureQueriesContext(connection) if count_queries and last else None
        if context is not None:
            context.__enter__()
        started = time.perf_counter()
        try:
            run(argument) if setup else run()
        finally:
            elapsed = time.perf_counter() - started
            if context is not None:
                context.__exit__(None, None, None)
        timings.append(elapsed * 1000)
        if context is not None:
            queries = len(context.captured_queries)
    limit = limit_for(name)
    median = statistics.median(timings)
    limit_ms = limit.median_ms * limit_scale
    return Row(
        name=name,
        median_ms=round(median, 2),
        p95_ms=round(percentile(timings, 0.95), 2),
        limit_ms=round(limit_ms, 2),
        status="OK" if median <= limit_ms else "SLOW",
        repeat=repeat,
        reason=limit.reason,
        rss_delta_mb=round(max(0, peak_rss() - before) / 1024, 1) if memory else None,
        queries=queries,
    )
