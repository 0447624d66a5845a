"""The public answer to "is this an intact careerSTEPS agreement?": yes or no, when it was
sealed and which roles signed when, and nothing more (no names, no text)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime

from workflows.agreements.models import Agreement


@dataclass(frozen=True)
class Finding:
    known: bool
    intact: bool = False
    sealed_at: datetime | None = None
    signatures: list[tuple[str, datetime]] = field(default_factory=list)
    state: str = ""


def _finding(agreement: Agreement | None, intact: bool) -> Finding:
    if agreement is None or not agreement.sealed_sha256:
        return Finding(known=False)
    return Finding(
        known=True,
        intact=intact,
        sealed_at=agreement.sealed_at,
        signatures=[(e.get_role_display(), e.signed_at) for e in agreement.signatures.all()],
        state=agreement.get_state_display(),
    )


def check_pdf(data: bytes) -> Finding:
    """A stored sealed PDF whose bytes hash to ``data``'s hash, and whose seal verifies."""
    from workflows.agreements.sealing import verify

    digest = hashlib.sha256(data).hexdigest()
    agreement = Agreement.objects.filter(sealed_sha256=digest).first()
    if agreement is None:
        return Finding(known=False)
    return _finding(agreement, verify(data).ok)


def check_hash(digest: str) -> Finding:
    """The hash of a sealed PDF we stored (we re-verify the stored bytes)."""
    from workflows.agreements.sealing import verify

    agreement = Agreement.objects.filter(sealed_sha256=digest).first()
    if agreement is None:
        return Finding(known=False)
    return _finding(agreement, verify(bytes(agreement.sealed_pdf)).ok)


def check_code(code: str) -> Finding:
    agreement = Agreement.objects.filter(verification_code=code).first()
    if agreement is None or not agreement.sealed_sha256:
        return Finding(known=False)
    return check_hash(agreement.sealed_sha256)
