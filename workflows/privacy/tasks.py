"""django-q2 tasks of the privacy app: they carry ids (or nothing), never personal data."""

from __future__ import annotations

from workflows.privacy import retention


def apply_retention() -> str:
    """The nightly retention run (schedule ``privacy-retention``): counts only in the result."""
    report = retention.apply_retention()
    erased = sum(1 for due in report if due.erase)
    return f"due {len(report)}, erased {erased}"
