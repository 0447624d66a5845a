"""Recording consent and reading its current state: plain functions, one transaction each.

Every change is a new :class:`~consents.models.ConsentRecord` row plus an entry in the
hash-chained history (``machine="consent"``), so what the portal shows, what the admin shows
and what ``verify_audit`` checks cannot drift apart. Callers that send optional emails ask
:func:`has_withdrawn` / :func:`withdrawn_person_ids` and skip people who said no.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from consents.models import ConsentRecord
from consents.purposes import PURPOSES, Purpose, get_purpose
from workflows.engine.actors import Actor
from workflows.engine.models import HistoryEntry

#: The name under which consent changes appear in the audit history.
AUDIT_MACHINE = "consent"
GIVEN, WITHDRAWN = "given", "withdrawn"


@dataclass(frozen=True)
class ConsentState:
    """A purpose and the person's latest record for it (None: never asked or answered)."""

    purpose: Purpose
    record: ConsentRecord | None

    @property
    def granted(self) -> bool:
        return bool(self.record and self.record.granted)

    @property
    def withdrawn(self) -> bool:
        return self.record is not None and not self.record.granted


def latest_records(person: Any) -> dict[str, ConsentRecord]:
    """The person's latest record per purpose key."""
    latest: dict[str, ConsentRecord] = {}
    for record in ConsentRecord.objects.filter(person=person).order_by("recorded_at", "pk"):
        latest[record.purpose] = record
    return latest


def current_consents(person: Any) -> list[ConsentState]:
    """Every purpose in the table's order with the person's current answer."""
    latest = latest_records(person)
    return [ConsentState(purpose, latest.get(purpose.key)) for purpose in PURPOSES]


def has_withdrawn(person: Any, purpose: str) -> bool:
    """Whether the person's latest word on ``purpose`` is "no" (nothing recorded is not "no":
    an optional purpose is only skipped for people who withdrew it)."""
    record = (
        ConsentRecord.objects.filter(person=person, purpose=purpose)
        .order_by("-recorded_at", "-pk")
        .first()
    )
    return record is not None and not record.granted


def withdrawn_person_ids(purpose: str, person_ids: Iterable[int]) -> set[int]:
    """Of ``person_ids``, those whose latest record for ``purpose`` withdraws it (one query)."""
    ids = list(person_ids)
    if not ids:
        return set()
    latest: dict[int, bool] = {}
    rows = (
        ConsentRecord.objects.filter(purpose=purpose, person_id__in=ids)
        .order_by("recorded_at", "pk")
        .values_list("person_id", "granted")
    )
    for person_id, granted in rows:
        latest[person_id] = granted
    return {person_id for person_id, granted in latest.items() if not granted}


def record_consent(
    person: Any,
    purpose: str,
    *,
    granted: bool,
    notice_version: str,
    source: str,
    actor: Actor,
    application: Any = None,
    at: datetime | None = None,
) -> ConsentRecord:
    """Append the person's answer for ``purpose`` and its audit entry, in one transaction.

    ``notice_version`` is the privacy notice the person was shown when they answered;
    ``at`` is for replays of historical records (the demo), None means now.
    """
    if get_purpose(purpose) is None:
        raise ValueError(f"Unknown consent purpose {purpose!r}")
    at = at or timezone.now()
    with transaction.atomic():
        previous = (
            ConsentRecord.objects.filter(person=person, purpose=purpose)
            .order_by("-recorded_at", "-pk")
            .first()
        )
        record = ConsentRecord.objects.create(
            person=person,
            purpose=purpose,
            granted=granted,
            notice_version=notice_version or "",
            source=source,
            application=application,
            recorded_at=at,
        )
        HistoryEntry(
            content_type=ContentType.objects.get_for_model(ConsentRecord),
            object_id=str(record.pk),
            machine=AUDIT_MACHINE,
            transition="give" if granted else "withdraw",
            from_state="" if previous is None else (GIVEN if previous.granted else WITHDRAWN),
            to_state=GIVEN if granted else WITHDRAWN,
            actor_user=actor.user,
            actor_label=str(actor)[:255],
            actor_is_system=actor.is_system,
            comment=f"{purpose}; notice {notice_version or '-'}; {source}",
            ip_address=actor.ip,
            user_agent=actor.user_agent,
            created_at=at,
        ).save()
    return record


def change_optional_consent(
    person: Any, purpose: str, *, granted: bool, notice_version: str, actor: Actor
) -> ConsentRecord | None:
    """The person gives or withdraws an optional purpose in the portal. Returns the new record,
    or None when the answer is already the current one (nothing is recorded twice).
    Callers check :func:`consents.permissions.can_change_consent` first."""
    with transaction.atomic():
        current = latest_records(person).get(purpose)
        unchanged = current is not None and current.granted == granted
        if unchanged and (not granted or current.notice_version == (notice_version or "")):
            return None
        return record_consent(
            person,
            purpose,
            granted=granted,
            notice_version=notice_version,
            source=ConsentRecord.Source.PORTAL,
            actor=actor,
        )
