"""django-q2 entry points of matching (thin wrappers; each idempotent)."""

from __future__ import annotations

from workflows.matching import runs


def execute_run(run_id: int) -> str:
    return runs.execute_run(run_id)
