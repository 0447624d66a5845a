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
    if isinstance(value, dict) and "languages" in field:
        return language_levels(value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {item}" for key, item in value.items())
    return labels.get(str(value), str(value))


def language_levels(value: dict[str, Any]) -> str:
    """``{"cs": "A1", "de": "native"}`` as "Czech (A1), German (Native speaker)", in the
    reader's language (languages not spoken at all are left out)."""
    from applications.core import LANGUAGE_CHOICES, LEVEL_CHOICES

    languages = dict(LANGUAGE_CHOICES)
    levels = dict(LEVEL_CHOICES)
    return ", ".join(
        f"{languages.get(code, code)} ({levels.get(level, level)})"
        for code, level in value.items()
        if level
    )


def labels_in_language(applications, language: str | None = None) -> dict[str, str]:
    """Question labels by key from the application forms translated into ``language`` (the
    active one by default): one query, plus one form description per distinct form.

    A snapshot keeps the labels the applicant saw; staff read them in their admin language
    where the form page has a translation (every translation keeps the question keys)."""
    from applications.pages import ApplicationFormPage
    from base.translated import locale_for

    keys = {(a.form_snapshot or {}).get("translation_key") for a in applications} - {None, ""}
    locale = locale_for(language)
    if not keys or locale is None:
        return {}
    labels: dict[str, str] = {}
    for page in ApplicationFormPage.objects.filter(translation_key__in=keys, locale=locale):
        for question in page.form_definition().get("questions", []):
            for described in question.get("fields", []):
                labels.setdefault(described.get("name", ""), described.get("label", ""))
    return labels


def _download_url(upload_id: int) -> str:
    try:
        return reverse("applications:download_upload", kwargs={"pk": upload_id})
    except NoReverseMatch:  # pragma: no cover - the applications app provides it
        return ""


def answer_rows(application: Application, labels: dict[str, str] | None = None) -> list[AnswerRow]:
    """Every answered question in form order; answers without a snapshot entry at the end.

    ``labels`` (see :func:`labels_in_language`) replace the snapshot's labels where given."""
    answers: dict[str, Any] = dict(application.answers or {})
    labels = labels or {}
    rows: list[AnswerRow] = []
    for question in (application.form_snapshot or {}).get("questions", []):
        for field in question.get("fields", []):
            key = field.get("name", "")
            if field.get("input") in SKIPPED_INPUTS or key not in answers:
                continue
            label = labels.get(key) or field.get("label") or key
            rows.append(_row(key, label, answers.pop(key), field))
    for key, value in answers.items():
        rows.append(_row(key, key, value, {}))
    return rows


def _row(key: str, label: str, value: Any, field: dict[str, Any]) -> AnswerRow:
    if isinstance(value, dict) and "upload" in value:
        return AnswerRow(key, label, str(value.get("name", "")), _download_url(value["upload"]))
    return AnswerRow(key, label, _display(value, field))
