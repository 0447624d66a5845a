"""An application's answers as rows a person can read: label, value, file link.

Labels come from the form snapshot kept with the application (the form as the applicant saw
it, in their language), so later edits to the form page never relabel old answers. Files link
to the applications app's protected download view, which checks who asks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import NoReverseMatch, reverse

from applications.models import Application

#: Snapshot inputs that carry nothing to read (hidden fields such as the notice version).
SKIPPED_INPUTS = {"hidden"}


@dataclass(frozen=True)
class AnswerRow:
    key: str
    label: str
    value: str
    file_url: str = ""


def _display(value: Any, field: dict[str, Any]) -> str:
    """A stored answer as text, with choice values shown by their labels."""
    labels = {choice["value"]: choice["label"] for choice in field.get("choices", [])}
    if isinstance(value, bool):
        from django.utils.translation import gettext

        return gettext("Yes") if value else gettext("No")
    if isinstance(value, list):
        return ", ".join(labels.get(str(item), str(item)) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    return labels.get(str(value), str(value))


def _download_url(upload_id: int) -> str:
    try:
        return reverse("applications:download_upload", kwargs={"pk": upload_id})
    except NoReverseMatch:  # pragma: no cover - the applications app provides it
        return ""


def answer_rows(application: Application) -> list[AnswerRow]:
    """Every answered question in form order; answers without a snapshot entry at the end."""
    answers: dict[str, Any] = dict(application.answers or {})
    rows: list[AnswerRow] = []
    for question in (application.form_snapshot or {}).get("questions", []):
        for field in question.get("fields", []):
            key = field.get("name", "")
            if field.get("input") in SKIPPED_INPUTS or key not in answers:
                continue
            rows.append(_row(key, field.get("label") or key, answers.pop(key), field))
    for key, value in answers.items():
        rows.append(_row(key, key, value, {}))
    return rows


def _row(key: str, label: str, value: Any, field: dict[str, Any]) -> AnswerRow:
    if isinstance(value, dict) and "upload" in value:
        return AnswerRow(key, label, str(value.get("name", "")), _download_url(value["upload"]))
    return AnswerRow(key, label, _display(value, field))
