"""The arithmetic and the limits table behind every row (no timing is asserted)."""

from __future__ import annotations

import pytest

from bench.limits import LIMITS, limit_for
from bench.measure import measure, percentile
from bench.runner import GROUPS, group_module


def test_percentile_is_nearest_rank():
    assert percentile([5.0], 0.95) == 5.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.95) == 4.0
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.5) == 50.0


def test_every_limit_has_a_reason_and_unknown_rows_have_none():
    assert all(limit.reason and limit.median_ms > 0 for limit in LIMITS.values())
    assert limit_for("page.home.cs").median_ms == LIMITS["page.*"].median_ms
    with pytest.raises(KeyError, match="no limit"):
        limit_for("matching.hungarian")


def test_measure_runs_setup_before_every_call_and_scales_the_limit():
    made, used = [], []

    def setup() -> int:
        made.append(len(made))
        return made[-1]

    row = measure(
        "outbox.send",
        used.append,
        setup=setup,
        repeat=3,
        limit_scale=2,
        count_queries=False,
    )
    assert used == [0, 1, 2, 3]  # the warm-up and three timed calls, each with fresh input
    assert row.repeat == 3 and row.limit_ms == 2 * LIMITS["outbox.send"].median_ms
    assert row.queries is None and row.status == "OK"


def test_every_group_declares_whether_it_needs_the_database():
    for group in GROUPS:
        module = group_module(group)
        assert isinstance(module.NEEDS_DB, bool) and callable(module.rows)
