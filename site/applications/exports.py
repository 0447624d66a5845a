"""Applications as a spreadsheet (CSV or XLSX), in the reader's admin language and time zone.

One row per application: who, which cohort (its title in the reader's language), the state,
the time each state was (last) entered, every answer under its question's label in the
reader's language (the form page has cs/de translations with the same question keys; answers
stay as the applicant gave them), then whatever higher layers contribute through
:func:`register_columns` (the review app adds reviewers, scores per criterion, the weighted
average and the recommendations). Nothing here imports the review app: layers point down.

Safety: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with ``'`` so no spreadsheet program evaluates it as a formula (CSV injection);
the XLSX writer additionally stores every text cell as a string, never as a formula.

Speed: the queries do not grow with the number of rows (history, profiles, disciplines,
translations and contributed columns are each fetched once for the whole export).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.admin.answers import answer_rows, labels_in_language
from applications.models import Application
from base.timezones import naive_in_zone
from base.translated import translated, translations
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION, DECISIONS

#: Characters that make a spreadsheet program treat a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

TEXT, DATETIME, NUMBER = "text", "datetime", "number"


@dataclass(frozen=True)
class Column:
    key: str
    heading: str
    kind: str = TEXT


@dataclass
class Table:
    """Headings and rows (dicts by column key) ready for either writer."""

    columns: list[Column] = field(default_factory=list)
    rows: list[dict[str, Any]] = field(default_factory=list)


#: ``source(applications, zone_name) -> (columns, {application pk: {column key: value}})``.
ColumnSource = Callable[[Sequence[Application], str], tuple[list[Column], dict[int, dict]]]
_SOURCES: dict[str, ColumnSource] = {}


def register_columns(name: str, source: ColumnSource) -> None:
    """Let a higher layer add columns (idempotent: a second registration replaces the first)."""
    _SOURCES[name] = source


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula, held as text (prefixed with ``'``)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# --- building the table --------------------------------------------------------------------


def build_table(applications: Iterable[Application], zone_name: str) -> Table:
    """The export of ``applications`` (already limited to what the reader may see)."""
    items = list(
        applications.select_related("person", "cohort", "profile__institution").prefetch_related(
            "profile__disciplines"
        )
        if hasattr(applications, "select_related")
        else applications
    )
    columns = _base_columns(zone_name)
    state_columns = [
        Column(
            f"state_at:{state.key}",
            _("%(state)s at (%(zone)s)") % {"state": state.label, "zone": zone_name},
            DATETIME,
        )
        for state in APPLICATION.states
    ]
    columns += state_columns
    answer_columns, answers = _answers(items)
    columns += answer_columns
    contributed: list[dict[int, dict]] = []
    for source in _SOURCES.values():
        extra_columns, values = source(items, zone_name)
        columns += extra_columns
        contributed.append(values)

    history = _history(items)
    cohorts = translations(type(items[0].cohort), [a.cohort for a in items]) if items else {}
    profiles = [getattr(a, "profile", None) for a in items]
    institutions = _translations_of([p.institution for p in profiles if p and p.institution_id])
    disciplines = _translations_of([d for p in profiles if p for d in p.disciplines.all()])

    table = Table(columns=columns)
    for application, profile in zip(items, profiles, strict=True):
        entries = history.get(application.pk, [])
        row: dict[str, Any] = {
            "pk": application.pk,
            "name": application.person.full_name,
            "email": application.person.email,
            "cohort": translated(application.cohort, cohorts).title,
            "role": application.get_role_display(),
            "state_key": application.state,
            "state": application.get_state_display(),
            "language": application.language,
            "submitted_at": application.submitted_at,
            "state_changed_at": application.state_changed_at,
            "institution": (
                translated(profile.institution, institutions).name
                if profile and profile.institution_id
                else ""
            ),
            "disciplines": ", ".join(
                sorted(translated(d, disciplines).name for d in profile.disciplines.all())
            )
            if profile
            else "",
        }
        row.update(_decision(entries))
        for entry in entries:  # oldest first: the last time each state was entered wins
            row[f"state_at:{entry.to_state}"] = entry.created_at
        row.update(answers.get(application.pk, {}))
        for values in contributed:
            row.update(values.get(application.pk, {}))
        table.rows.append(row)
    return table


def _base_columns(zone_label: str) -> list[Column]:
    return [
        Column("pk", _("ID"), NUMBER),
        Column("name", _("Name")),
        Column("email", _("Email")),
        Column("cohort", _("Cohort")),
        Column("role", _("Role")),
        Column("state_key", _("State (key)")),
        Column("state", _("State")),
        Column("language", _("Language")),
        Column("submitted_at", _("Submitted at (%(zone)s)") % {"zone": zone_label}, DATETIME),
        Column(
            "state_changed_at", _("State changed at (%(zone)s)") % {"zone": zone_label}, DATETIME
        ),
        Column("institution", _("Institution")),
        Column("disciplines", _("Disciplines")),
        Column("decision", _("Decision")),
        Column("decided_at", _("Decided at (%(zone)s)") % {"zone": zone_label}, DATETIME),
    ]


def _translations_of(objects: list[Any]) -> dict[Any, Any]:
    return translations(type(objects[0]), objects) if objects else {}


def _history(items: list[Application]) -> dict[int, list[HistoryEntry]]:
    """Every application's history entries, oldest first, in one query."""
    if not items:
        return {}
    content_type = ContentType.objects.get_for_model(Application)
    by_pk: dict[int, list[HistoryEntry]] = {}
    entries = HistoryEntry.objects.filter(
        content_type=content_type, object_id__in=[str(a.pk) for a in items]
    ).only("object_id", "transition", "to_state", "created_at")
    for entry in entries:
        by_pk.setdefault(int(entry.object_id), []).append(entry)
    return by_pk


def _decision(entries: list[HistoryEntry]) -> dict[str, Any]:
    decisions = [entry for entry in entries if entry.transition in DECISIONS]
    if not decisions:
        return {"decision": "", "decided_at": None}
    last = decisions[-1]
    return {
        "decision": str(APPLICATION.transition(last.transition).label),
        "decided_at": last.created_at,
    }


def _answers(items: list[Application]) -> tuple[list[Column], dict[int, dict[str, Any]]]:
    """One column per question key (in form order), labelled in the reader's language."""
    labels = labels_in_language(items)
    columns: dict[str, Column] = {}
    values: dict[int, dict[str, Any]] = {}
    for application in items:
        row = {}
        for answer in answer_rows(application, labels):
            key = f"answer:{answer.key}"
            if key not in columns:
                columns[key] = Column(key, _("Answer: %(question)s") % {"question": answer.label})
            row[key] = answer.value
        values[application.pk] = row
    return list(columns.values()), values


# --- writers -------------------------------------------------------------------------------


def _text(value: Any, zone=None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return naive_in_zone(value, zone or timezone.get_current_timezone()).strftime(
            "%Y-%m-%d %H:%M"
        )
    if isinstance(value, date):
        return value.isoformat()
    return str(neutralise(value) if isinstance(value, str) else value)


def csv_response(table: Table, filename: str, zone) -> StreamingHttpResponse:
    """UTF-8 with a byte order mark (so Excel reads Czech names right) and the charset named.

    Dates are written as wall-clock times in the reader's ``zone``, which the headings name.
    """
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([column.heading for column in table.columns])
    for row in table.rows:
        writer.writerow([_text(row.get(column.key), zone) for column in table.columns])
    response = StreamingHttpResponse(
        iter([buffer.getvalue().encode("utf-8")]), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(table: Table, filename: str, zone) -> FileResponse:
    """Real datetime cells: the wall-clock time in the reader's zone (named in the heading)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Applications")[:31])
    sheet.append([column.heading for column in table.columns])
    for row in table.rows:
        cells = []
        for column in table.columns:
            value = row.get(column.key)
            if isinstance(value, datetime):
                cell = WriteOnlyCell(sheet, naive_in_zone(value, zone))
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, int | float | Decimal) and not isinstance(value, bool):
                cell = WriteOnlyCell(sheet, value)
            else:
                cell = WriteOnlyCell(sheet, _text(value))
                cell.data_type = "s"  # never a formula, whatever openpyxl guessed
            cells.append(cell)
        sheet.append(cells)
    output = io.BytesIO()
    workbook.save(output)
    output.seek(0)
    return FileResponse(
        output,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
