"""django-q2 entry points (the lifecycle's effects): idempotent, keyed by the agreement.

Running either twice stores one document: the services write the PDF only where none is
stored yet (compare-and-set on the hash column).
"""

from __future__ import annotations

from workflows.engine.models import HistoryEntry


def render_issued_pdf(history_entry_id: int) -> str:
    from workflows.agreements.services import ensure_issued_pdf

    return ensure_issued_pdf(HistoryEntry.objects.get(pk=history_entry_id).subject)


def seal_agreement(history_entry_id: int) -> str:
    from workflows.agreements.services import ensure_sealed

    return ensure_sealed(HistoryEntry.objects.get(pk=history_entry_id).subject)
