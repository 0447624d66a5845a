"""A person's data export (GDPR art. 15 and 20): one zip with ``data.json`` and their files.

``data.json`` has one section per inventory item that exports something (readable keys: the
field names, dates in ISO 8601, related rows by id and a readable label), plus the history of
their applications, matches and agreements as the applicant sees it (no internal comments,
no reviewer names: those are other people's data). Files: the person's uploads (CVs) under
``files/``, their agreements' PDFs (sealed if sealed, else issued) under ``agreements/``.

Every export is recorded (:class:`ExportRecord` and an audit history entry) without the
person's name or email.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from applications.models import Draft, Person, ReceivedSubmission, Upload
from workflows.agreements.models import Agreement
from workflows.engine.actors import Actor
from workflows.engine.models import HistoryEntry
from workflows.privacy import inventory
from workflows.privacy.erasure import (
    Scope,
    _same_email,
    received_of,
    rows_of,
    scope_of,
    subjects_of,
)
from workflows.privacy.models import ExportRecord

FORMAT_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes | memoryview):
        return None
    if isinstance(value, models.Model):
        return {"id": value.pk, "label": str(value)}
    return value


def _row(obj: models.Model, names: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in names:
        model_field = obj._meta.get_field(name)
        value = getattr(obj, name)
        if model_field.choices and not model_field.is_relation:
            display = getattr(obj, f"get_{name}_display")()
            out[name] = value
            if str(display) != str(value):
                out[f"{name}_label"] = str(display)
            continue
        out[name] = _plain(value)
    return out


def collect(person: Person, scope: Scope | None = None) -> dict[str, Any]:
    """Everything the inventory exports about ``person``, as JSON-able data."""
    scope = scope or scope_of(person)
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "person_id": person.pk,
    }
    for item in inventory.ITEMS:
        if not item.export or not item.section:
            continue
        if item.model == "applications.Draft":
            rows = [
                d for d in Draft.objects.exclude(email="") if _same_email(d.email, person.email)
            ]
        elif item.model == "applications.ReceivedSubmission":
            rows = list(ReceivedSubmission.objects.filter(pk__in=received_of(person)))
        elif item.model == "notifications.OutboundEmail":
            from workflows.notifications.models import OutboundEmail

            rows = [e for e in OutboundEmail.objects.all() if _same_email(e.to, person.email)]
        elif item.model == "workflow_engine.HistoryEntry":
            rows = list(
                HistoryEntry.objects.filter(subjects_of(scope))
                .exclude(machine="privacy")
                .order_by("pk")
            )
            data[item.section] = [
                {
                    "subject": f"{e.content_type.model} {e.object_id}",
                    **_row(e, item.export),
                }
                for e in rows
            ]
            continue
        else:
            queryset = rows_of(item, person)
            rows = list(queryset.order_by("pk")) if queryset is not None else []
        if item.model == "applications.Person":
            data[item.section] = _row(person, item.export)
            continue
        data[item.section] = [_row(row, item.export) for row in rows]
    return data


def files_of(person: Person, scope: Scope) -> list[tuple[str, bytes]]:
    """(path in the zip, bytes) for each of the person's files."""
    files: list[tuple[str, bytes]] = []
    uploads = Upload.objects.filter(application_id__in=scope.application_ids).order_by("pk")
    for upload in uploads:
        if not upload.file:
            continue
        try:
            with upload.file.open("rb") as handle:
                content = handle.read()
        except FileNotFoundError:
            continue
        safe = "".join(c for c in upload.original_name if c.isalnum() or c in "._- ")[:80]
        files.append((f"files/{upload.pk}-{safe or 'upload'}", content))
    agreement_ids = scope.kept_agreement_ids + scope.other_agreement_ids
    for agreement in Agreement.objects.filter(pk__in=agreement_ids).order_by("pk"):
        pdf = agreement.sealed_pdf or agreement.issued_pdf
        if pdf:
            files.append(
                (f"agreements/agreement-{agreement.pk}-v{agreement.version}.pdf", bytes(pdf))
            )
    return files


def build_archive(person: Person) -> bytes:
    """The zip: ``data.json`` and the person's files."""
    scope = scope_of(person)
    data = collect(person, scope)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, ensure_ascii=False, indent=2, default=str))
        for name, content in files_of(person, scope):
            archive.writestr(name, content)
    return buffer.getvalue()


def export_person(person: Person, actor: Actor) -> bytes:
    """Build the archive and record the export (one transaction)."""
    with transaction.atomic():
        archive = build_archive(person)
        by_person = actor.user is None and actor.person is not None
        ExportRecord.objects.create(
            person_id_ref=person.pk, by_user=actor.user, by_person=by_person
        )
        HistoryEntry(
            content_type=ContentType.objects.get_for_model(Person),
            object_id=str(person.pk),
            machine="privacy",
            transition="export",
            to_state="exported",
            actor_user=actor.user,
            actor_label=str(actor)[:255],
            actor_is_system=actor.is_system,
            ip_address=actor.ip,
            user_agent=actor.user_agent,
        ).save()
    return archive
