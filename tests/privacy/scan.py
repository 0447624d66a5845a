"""Looking for a person everywhere: every column of every table (pickles, signed queue
payloads, sessions and PDFs decoded) and every file under the media roots.

A hit is (where, detail). The needles are matched case-folded and in both Unicode normal
forms, so "ANNA", "anna" and a decomposed "Á" all count.
"""

from __future__ import annotations

import io
import json
import os
import unicodedata
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection


def forms_of(text: str) -> set[str]:
    return {unicodedata.normalize(form, text).casefold() for form in ("NFC", "NFD", "NFKC", "NFKD")}


class Finder:
    def __init__(self, *needles: str) -> None:
        self.needles = {form for needle in needles for form in forms_of(needle)}

    def in_text(self, text: str) -> bool:
        if not text:
            return False
        return any(needle in variant for variant in forms_of(text) for needle in self.needles)

    def in_value(self, value: Any) -> bool:
        if value is None or isinstance(value, bool | int | float):
            return False
        if isinstance(value, memoryview):
            value = bytes(value)
        if isinstance(value, bytes):
            return self.in_bytes(value)
        if isinstance(value, str):
            if self.in_text(value):
                return True
            stripped = value.strip()
            if stripped[:1] in '[{"':
                try:
                    return self.in_text(json.dumps(json.loads(stripped), ensure_ascii=False))
                except ValueError:
                    return False
            return False
        return self.in_text(repr(value)) or self.in_text(
            json.dumps(value, ensure_ascii=False, default=str)
        )

    def in_bytes(self, data: bytes) -> bool:
        for encoding in ("utf-8", "utf-16", "latin-1"):
            try:
                if self.in_text(data.decode(encoding)):
                    return True
            except UnicodeDecodeError:
                continue
        if data.startswith(b"%PDF"):
            from pypdf import PdfReader

            try:
                reader = PdfReader(io.BytesIO(data))
                text = " ".join(page.extract_text() or "" for page in reader.pages)
                meta = " ".join(str(v) for v in (reader.metadata or {}).values())
            except Exception:  # noqa: BLE001 - an unreadable PDF is scanned as bytes above
                return False
            return self.in_text(text) or self.in_text(meta)
        return False


def _decoded_rows(model) -> list[tuple[Any, dict[str, Any]]]:
    """(pk, {column: value}) with django_q pickles, queue payloads and sessions decoded."""
    label = model._meta.label
    if label == "django_q.OrmQ":
        return [(row.pk, {"payload": row.task}) for row in model.objects.all()]
    if label in ("django_q.Task",):
        return [
            (
                row.pk,
                {"name": row.name, "args": row.args, "kwargs": row.kwargs, "result": row.result},
            )
            for row in model.objects.all()
        ]
    if label == "django_q.Schedule":
        return [
            (row.pk, {"args": row.args, "kwargs": row.kwargs, "name": row.name})
            for row in model.objects.all()
        ]
    if label == "sessions.Session":
        return [(row.pk, {"session_data": row.get_decoded()}) for row in model.objects.all()]
    return []


def scan_database(finder: Finder) -> list[tuple[str, Any, str]]:
    """Hits as (table, primary key, column) in every table, raw SQL plus decoded forms."""
    hits = []
    seen_tables = set()
    for model in apps.get_models(include_auto_created=True):
        table = model._meta.db_table
        if table in seen_tables:
            continue
        seen_tables.add(table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [c[0] for c in cursor.description]
            rows = cursor.fetchall()
        pk_index = columns.index(model._meta.pk.column) if model._meta.pk.column in columns else 0
        for row in rows:
            for column, value in zip(columns, row, strict=True):
                if finder.in_value(value):
                    hits.append((table, row[pk_index], column))
        for pk, values in _decoded_rows(model):
            for column, value in values.items():
                if finder.in_value(value):
                    hits.append((table, pk, f"{column} (decoded)"))
    return hits


def media_roots() -> list[Path]:
    roots = [Path(settings.MEDIA_ROOT)]
    private = settings.STORAGES.get("private", {}).get("OPTIONS", {}).get("location")
    if private:
        roots.append(Path(private))
    return roots


def scan_files(finder: Finder) -> list[str]:
    hits = []
    for root in media_roots():
        if not root.exists():
            continue
        for folder, _dirs, files in os.walk(root):
            for name in files:
                path = Path(folder) / name
                if finder.in_text(name) or finder.in_bytes(path.read_bytes()):
                    hits.append(str(path))
    return hits
