"""The audit history as a hash chain: each entry's hash covers its content and the hash before.

Entries are chained in insertion order (primary key): a replayed entry may carry an older
``created_at``, but it is still appended at the end. Changing, deleting or inserting a row
anywhere breaks every hash after it, which ``manage.py verify_audit`` reports by naming the
first entry that does not match.

The hashed content is what the entry *says*: the subject (content type by natural key, object
id), the step, the actor as recorded (label and system flag; not the user row, which may be
deleted), comment, message, IP address (normalised), user agent and time (UTC, microseconds).

Personal fields (actor label, comment, message, IP address, user agent) are hashed through a
salted commitment (version 2, every entry since engine migration 0005): the entry stores a
random salt and ``personal_digest`` = SHA-256(salt, those fields), and the chain hashes the
digest instead of the fields. Erasing a person (GDPR) *redacts* their entries: the fields and
the salt are blanked and ``redacted_at`` set, the digest stays, so the chain still verifies,
while an entry that is not redacted must still match its digest (so changing a comment is
found as before). Without the salt a blanked field cannot be guessed back from the digest.

Appending takes a lock so that two transactions cannot both chain onto the same predecessor:
PostgreSQL, a transaction-scoped advisory lock; SQLite, its write lock (transactions are
``IMMEDIATE`` in our settings, so the writer holds it from the start).
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import secrets
from datetime import UTC
from typing import Any

from django.db import connection

GENESIS = "0" * 64
#: An arbitrary constant naming the chain's advisory lock on PostgreSQL.
LOCK_KEY = 0x6361726565725354  # "careerST"


def _ip(value: str | None) -> str:
    if not value:
        return ""
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return str(value)


#: The entry's fields that may hold personal data: committed to by a salted digest (v2).
PERSONAL_FIELDS = ("actor_label", "comment", "message", "ip_address", "user_agent")


def new_salt() -> str:
    return secrets.token_hex(16)


def personal_digest(salt: str, entry: Any) -> str:
    """SHA-256 over the salt and the entry's personal fields (canonical JSON)."""
    data = {
        "actor": entry.actor_label,
        "comment": entry.comment,
        "message": entry.message,
        "ip": _ip(entry.ip_address),
        "agent": entry.user_agent,
    }
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(salt.encode() + b"\n" + text.encode()).hexdigest()


def canonical(entry: Any) -> bytes:
    """The entry's content as canonical JSON bytes (the same on SQLite and PostgreSQL).

    Version 2 (``personal_digest`` set) hashes the digest of the personal fields instead of
    the fields themselves; version 1 (older entries until migration 0005 re-chained them)
    hashes the fields."""
    content_type = entry.content_type
    created = entry.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    digest = getattr(entry, "personal_digest", "")
    if digest:
        data = {
            "v": 2,
            "subject": f"{content_type.app_label}.{content_type.model}:{entry.object_id}",
            "machine": entry.machine,
            "transition": entry.transition,
            "from": entry.from_state,
            "to": entry.to_state,
            "system": bool(entry.actor_is_system),
            "personal": digest,
            "at": created,
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":")).encode()
    data = {
        "subject": f"{content_type.app_label}.{content_type.model}:{entry.object_id}",
        "machine": entry.machine,
        "transition": entry.transition,
        "from": entry.from_state,
        "to": entry.to_state,
        "actor": entry.actor_label,
        "system": bool(entry.actor_is_system),
        "comment": entry.comment,
        "message": entry.message,
        "ip": _ip(entry.ip_address),
        "agent": entry.user_agent,
        "at": created,
    }
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def entry_hash(prev_hash: str, entry: Any) -> str:
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(entry)).hexdigest()


def lock_chain() -> None:
    """Serialise appends to the chain until the current transaction ends."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])


def commit_personal(entry: Any) -> None:
    """Give a new entry its salt and the digest of its personal fields (before hashing)."""
    entry.personal_salt = new_salt()
    entry.personal_digest = personal_digest(entry.personal_salt, entry)


def personal_intact(entry: Any) -> bool:
    """A version-2 entry that is not redacted must match its digest; a redacted one (fields
    and salt blanked on erasure) is vouched for by the digest the chain hashes."""
    digest = getattr(entry, "personal_digest", "")
    if not digest or getattr(entry, "redacted_at", None) is not None:
        return True
    return personal_digest(entry.personal_salt, entry) == digest


def verify(entries) -> tuple[int, Any]:
    """Walk ``entries`` (in primary-key order): (number checked, first broken entry or None)."""
    previous = GENESIS
    checked = 0
    for entry in entries:
        checked += 1
        if (
            entry.prev_hash != previous
            or entry.hash != entry_hash(previous, entry)
            or not personal_intact(entry)
        ):
            return checked, entry
        previous = entry.hash
    return checked, None
