"""The applicant's form, built from an :class:`~applications.pages.ApplicationFormPage`.

Field names are the stable keys from the page's blocks, so a Czech, German and English copy
of one form produce the same ``cleaned_data`` keys. Choice values are identifiers
(institution translation keys, discipline keys, core choice values), never translated text.
The same description drives the HTML form, the API schema and the snapshot kept with each
submission.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from applications import core
from applications.memo import default_locale, kept, site_generation
from applications.pdf import validate_pdf
from applications.widgets import LanguageLevelsField
from base.zones import zone_choices

PRIVACY_VERSION_FIELD = "privacy_notice_version"
UPLOAD_SUFFIX = "__upload"


@dataclass
class FormItem:
    """One block of the form: a heading, a help text, or a question with its form fields."""

    kind: str  # "heading" | "help" | "question"
    text: str = ""
    key: str = ""
    block_type: str = ""
    input: str = ""
    fields: dict[str, forms.Field] = field(default_factory=dict)

    def fresh(self) -> FormItem:
        """A copy whose fields are this item's fields deep-copied (as a Django form copies its
        declared fields): one form may change its fields (``required``, widget attributes)
        without the next form built from the same item seeing it."""
        return FormItem(
            self.kind,
            self.text,
            self.key,
            self.block_type,
            self.input,
            copy.deepcopy(self.fields),
        )


class Normalized(BaseChoiceIterator):
    """Choices already in Django's normal form (``(value, label)`` pairs, groups as
    ``(label, [pairs])``), such as the cached time-zone list: the field and its widget take
    them as they are instead of normalising the whole list again for each new form."""

    def __init__(self, choices: list):
        self.choices = choices

    def __iter__(self):
        return iter(self.choices)

    def __deepcopy__(self, memo) -> Normalized:
        """Shared, not copied, when a form copies its field: nothing changes these choices
        (the cached time-zone list is shared by every form already)."""
        return self


def localized(queryset, locale: Locale) -> list:
    """Each object of ``queryset`` once: in ``locale`` when translated, else in the default
    locale (so an untranslated institution still appears, in English)."""
    default = default_locale()
    by_key: dict = {}
    for obj in queryset.filter(locale__in=[default, locale]):
        if obj.translation_key not in by_key or obj.locale_id == locale.pk:
            by_key[obj.translation_key] = obj
    return sorted(by_key.values(), key=lambda obj: str(obj).casefold())


def availability_choices() -> list[tuple[str, str]]:
    return [
        (f"{day}-{part}", f"{day_label}, {part_label}")
        for day, day_label in core.WEEKDAY_CHOICES
        for part, part_label, _start, _end in core.DAY_PARTS
    ]


def _core_item(key: str, label: str, help_text: str, page) -> FormItem:
    from applications.models import Discipline, PrivacyNotice
    from institutions.models import Institution

    locale = page.locale
    common = {"label": label, "help_text": help_text}
    item = FormItem("question", key=key, block_type="core")
    if key == "full_name":
        item.input = "text"
        item.fields[key] = forms.CharField(max_length=200, **common)
        item.fields[key].widget.attrs["autocomplete"] = "name"
    elif key == "email":
        item.input = "email"
        item.fields[key] = forms.EmailField(max_length=254, **common)
        item.fields[key].widget.attrs["autocomplete"] = "email"
    elif key == "preferred_language":
        item.input = "radio"
        item.fields[key] = forms.ChoiceField(
            choices=core.LANGUAGE_CHOICES,
            widget=forms.RadioSelect,
            initial=locale.language_code,
            **common,
        )
    elif key == "institution":
        item.input = "select"
        choices = [("", _("Choose your institution"))] + [
            (str(obj.translation_key), str(obj)) for obj in localized(Institution.objects, locale)
        ]
        item.fields[key] = forms.ChoiceField(choices=choices, **common)
    elif key in ("faculty", "programme_or_position"):
        item.input = "text"
        item.fields[key] = forms.CharField(max_length=200, **common)
    elif key == "degree_level":
        item.input = "radio"
        item.fields[key] = forms.ChoiceField(
            choices=core.DEGREE_LEVEL_CHOICES, widget=forms.RadioSelect, **common
        )
    elif key == "academic_rank":
        item.input = "select"
        item.fields[key] = forms.ChoiceField(
            choices=[("", _("Choose your rank"))] + core.ACADEMIC_RANK_CHOICES, **common
        )
    elif key == "disciplines":
        item.input = "checkboxes"
        choices = [(obj.key, str(obj)) for obj in localized(Discipline.objects, locale)]
        item.fields[key] = forms.MultipleChoiceField(
            choices=choices, widget=forms.CheckboxSelectMultiple, **common
        )
    elif key == "research_interests":
        item.input = "text"
        item.fields[key] = forms.CharField(max_length=500, **common)
        if not help_text:
            item.fields[key].help_text = _("A few keywords, separated by commas.")
    elif key == "mentoring_languages":
        item.input = "language_levels"
        item.fields[key] = LanguageLevelsField(**common)
    elif key == "meeting_preference":
        item.input = "radio"
        item.fields[key] = forms.ChoiceField(
            choices=core.MEETING_CHOICES, widget=forms.RadioSelect, **common
        )
    elif key == "availability":
        item.input = "checkboxes"
        item.fields[key] = forms.MultipleChoiceField(
            choices=availability_choices(), widget=forms.CheckboxSelectMultiple, **common
        )
        if not help_text:
            item.fields[key].help_text = _("Times are in your local time, in the time zone below.")
        # Likely zones first with localized names; the browser's zone is offered by script.
        item.fields["timezone"] = forms.ChoiceField(
            label=_("Your time zone"),
            choices=Normalized(zone_choices(locale.language_code)),
            initial="Europe/Berlin" if locale.language_code == "de" else "Europe/Prague",
        )
        item.fields["timezone"].widget.attrs.update(
            {"data-timezone-picker": "", "data-search-label": _("Search all time zones")}
        )
    elif key == "goals":
        item.input = "textarea"
        item.fields[key] = forms.CharField(max_length=5000, widget=forms.Textarea, **common)
    elif key == "capacity":
        item.input = "radio"
        item.fields[key] = forms.TypedChoiceField(
            choices=core.CAPACITY_CHOICES, coerce=int, widget=forms.RadioSelect, **common
        )
    elif key == "cv":
        item.input = "file"
        item.fields[key] = _file_field(common)
    elif key == "privacy_consent":
        from applications.taxonomy import in_locale

        item.input = "checkbox"
        in_force = PrivacyNotice.current()
        notice = in_locale(in_force, locale)
        if label == str(core.CORE_BY_KEY[key].label):
            common["label"] = _("I have read the privacy notice and agree to it.")
        consent = forms.BooleanField(
            error_messages={"required": _("Please tick this box to agree to the privacy notice.")},
            **common,
        )
        consent.notice = notice
        consent.notice_in_force = in_force  # the source version ``clean`` compares with
        item.fields[key] = consent
        # The version the applicant saw: sent back with the answers, so a notice that changed
        # in between is agreed to again. The API schema gives its value ("value").
        item.fields[PRIVACY_VERSION_FIELD] = forms.CharField(
            widget=forms.HiddenInput,
            required=False,
            initial=notice.version if notice else "",
        )
        item.fields[PRIVACY_VERSION_FIELD].api_required = notice is not None
    return item


def _file_field(common: dict) -> forms.FileField:
    file_field = forms.FileField(validators=[validate_pdf], **common)
    file_field.widget.attrs["accept"] = "application/pdf,.pdf"
    return file_field


def _custom_item(block_type: str, value) -> FormItem:
    key = value["key"]
    common = {
        "label": value["label"],
        "help_text": value.get("help_text") or "",
        "required": value.get("required", True),
    }
    item = FormItem("question", key=key, block_type=block_type)
    if block_type == "text":
        item.input, item.fields[key] = "text", forms.CharField(max_length=500, **common)
    elif block_type == "long_text":
        item.input = "textarea"
        item.fields[key] = forms.CharField(max_length=5000, widget=forms.Textarea, **common)
    elif block_type in ("choice", "multiple_choice"):
        choices = [(option["value"], option["label"]) for option in value["choices"]]
        if block_type == "choice":
            item.input = "radio"
            item.fields[key] = forms.ChoiceField(
                choices=choices, widget=forms.RadioSelect, **common
            )
        else:
            item.input = "checkboxes"
            item.fields[key] = forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )
    elif block_type == "date":
        item.input = "date"
        item.fields[key] = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    elif block_type == "number":
        item.input = "number"
        item.fields[key] = forms.IntegerField(
            min_value=value.get("min_value"), max_value=value.get("max_value"), **common
        )
    elif block_type == "file":
        item.input = "file"
        item.fields[key] = _file_field(common)
    elif block_type == "consent":
        item.input = "checkbox"
        common["required"] = True
        item.fields[key] = forms.BooleanField(
            error_messages={"required": _("Please tick this box to continue.")}, **common
        )
    return item


def build_items(page) -> list[FormItem]:
    """The page's blocks as form items, with labels in the page's language."""
    items = []
    with override(page.locale.language_code):
        for child in page.questions:
            value = child.value
            if child.block_type == "heading":
                items.append(FormItem("heading", text=value["text"]))
            elif child.block_type == "help_text":
                items.append(FormItem("help", text=value["text"]))
            elif child.block_type == "core":
                key = value["question"]
                if page.role not in core.CORE_BY_KEY[key].roles:
                    continue  # e.g. "capacity" on a mentee form: not asked
                label = value.get("label") or str(core.CORE_BY_KEY[key].label)
                items.append(_core_item(key, label, value.get("help_text") or "", page))
            else:
                items.append(_custom_item(child.block_type, value))
    return items


@dataclass(frozen=True)
class _Built:
    """A page's form as built once and kept (:func:`_kept_form`): its items, never handed out
    (forms get :meth:`FormItem.fresh` copies), and their description as JSON (the snapshot's
    ``questions``, :func:`describe_questions` of the items as built)."""

    items: list[FormItem]
    questions: str


def _kept_form(page) -> _Built | None:
    """The page's form, built once per process and site generation
    (:func:`applications.memo.kept`) for the page's stored questions; None when it is not
    kept (then the form is built as before): outside a
    :func:`~applications.memo.remembering` block, or for a page whose questions differ from
    what was loaded (a preview, questions set in code).

    What the form shows changes with the page (its questions are part of the key; saving it
    starts a new generation), the locales, institutions, disciplines and privacy notices
    (each starts a new generation), and with time only when the next privacy notice comes
    into force (kept until then).
    """
    stored = _stored_questions(page)
    if stored is None or site_generation() is None:
        return None
    key = ("form", page.pk, page.locale_id, page.locale.language_code, page.role, stored)
    return kept(key, lambda: (_build(page), next_notice_change()))


def _build(page) -> _Built:
    items = build_items(page)
    return _Built(items, json.dumps(describe_questions(page, items=items)))


def _stored_questions(page) -> str | None:
    """The page's questions as loaded from the database (JSON), or None when they may differ
    from that: not loaded from a row, or changed since (a preview, questions set in code)."""
    value = page.__dict__.get("questions")
    if value is None or not getattr(value, "is_lazy", False):
        return None
    # Wagtail's StreamValue keeps the stored JSON until a child is first read.
    bound, raw = getattr(value, "_bound_blocks", None), getattr(value, "_raw_data", None)
    if bound is None or raw is None or any(child is not None for child in bound):
        return None  # already read: a child may have been replaced in memory
    try:
        return json.dumps(raw, sort_keys=True)
    except TypeError:
        return None


def next_notice_change() -> datetime | None:
    """When the next privacy notice comes into force (None: none is planned)."""
    from applications.models import PrivacyNotice

    return (
        PrivacyNotice.objects.filter(locale=default_locale(), effective_from__gt=timezone.now())
        .order_by("effective_from")
        .values_list("effective_from", flat=True)
        .first()
    )


def _describe_field(
    name: str, form_field: forms.Field, item: FormItem, required: bool | None = None
) -> dict[str, Any]:
    hidden = name != item.key and form_field.widget.is_hidden
    if required is None:
        required = form_field.required
    description: dict[str, Any] = {
        "name": name,
        "label": str(form_field.label or ""),
        "help_text": str(form_field.help_text or ""),
        "required": getattr(form_field, "api_required", required),
        "input": item.input if name == item.key else "hidden" if hidden else "select",
    }
    if hidden:
        # A hidden field is sent back exactly as given (e.g. the privacy notice version).
        description["value"] = str(form_field.initial or "")
    elif form_field.initial not in (None, "") and not callable(form_field.initial):
        description["default"] = str(form_field.initial)
    choices = getattr(form_field, "choices", None)
    if choices is not None and not isinstance(form_field, LanguageLevelsField):
        description["choices"] = [
            {"value": str(value), "label": str(label)}
            for value, label in flat_choices(choices)
            if value != ""
        ]
    if isinstance(form_field, LanguageLevelsField):
        description["languages"] = [code for code, _label in core.LANGUAGE_CHOICES]
        description["levels"] = [value for value, _label in core.LEVEL_CHOICES]
        description["subfields"] = [f"{name}_{code}" for code, _label in core.LANGUAGE_CHOICES]
    if item.input == "file" and name == item.key:
        from applications.pdf import max_upload_bytes

        description["accept"] = ["application/pdf"]
        description["max_bytes"] = max_upload_bytes()
    notice = getattr(form_field, "notice", None)
    if notice is not None:
        description["privacy_notice"] = {
            "version": notice.version,
            "title": notice.title,
            "text": expand_db_html(notice.text),
        }
    return description


def flat_choices(choices) -> list[tuple[Any, Any]]:
    """Choices without their groups (``(group, [(value, label), ...])`` entries opened)."""
    flat = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((value, label))
    return flat


def availability_grid(bound_field) -> dict[str, Any]:
    """The availability checkboxes as a day × time-of-day table: column headings and one row
    per weekday with its checkbox per part of the day (choices are ordered day by day)."""
    options = list(bound_field)
    parts = [label for _part, label, _start, _end in core.DAY_PARTS]
    rows = [
        {"day": day_label, "options": options[index * len(parts) : (index + 1) * len(parts)]}
        for index, (_day, day_label) in enumerate(core.WEEKDAY_CHOICES)
    ]
    return {"parts": parts, "rows": rows}


def describe_questions(
    page, items: list[FormItem] | None = None, required: dict[str, bool] | None = None
) -> list[dict[str, Any]]:
    """A JSON-ready description of the form in the page's language (API and snapshot).

    ``items`` are the page's items when a form has built them already (else they are built),
    ``required`` each field's ``required`` as built, before the form relaxed a file question
    whose file it kept (the description is of the form, not of one applicant's attempt).
    """
    described = []
    with override(page.locale.language_code):
        for item in build_items(page) if items is None else items:
            if item.kind != "question":
                described.append({"type": item.kind, "text": str(item.text)})
                continue
            described.append(
                {
                    "type": item.block_type,
                    "key": item.key,
                    "fields": [
                        _describe_field(name, form_field, item, (required or {}).get(name))
                        for name, form_field in item.fields.items()
                    ],
                }
            )
    return described


class ApplicationForm(forms.Form):
    """The applicant's form for one copy (locale) of an application form page.

    ``pending_uploads`` maps a file question's key to an :class:`~applications.models.Upload`
    already kept from an earlier attempt or a draft: the question then need not be answered
    again, and a new file replaces the kept one.
    """

    def __init__(self, page, *args, pending_uploads: dict | None = None, **kwargs):
        kwargs.setdefault("auto_id", "id_%s")
        super().__init__(*args, **kwargs)
        self.page = page
        built = _kept_form(page)
        self.items = build_items(page) if built is None else [i.fresh() for i in built.items]
        #: The kept description of ``items`` as built (JSON), for :meth:`definition`.
        self._questions = None if built is None else built.questions
        self.pending_uploads = dict(pending_uploads or {})
        self.file_keys: list[str] = []
        #: Each field's ``required`` as built (kept files relax their question afterwards).
        self.built_required: dict[str, bool] = {}
        for item in self.items:
            for name, form_field in item.fields.items():
                self.fields[name] = form_field
                self.built_required[name] = form_field.required
                if item.input == "file" and name == item.key:
                    self.file_keys.append(name)
                    if name in self.pending_uploads:
                        form_field.required = False

    def definition(self) -> dict[str, Any]:
        """The page's ``form_definition()`` (the snapshot kept with a submission), described
        from this form's items instead of building the form a second time."""
        if self._questions is not None:
            return self.page.form_definition(questions=json.loads(self._questions))
        return self.page.form_definition(items=self.items, required=self.built_required)

    def definition_json(self) -> str:
        """:meth:`definition` as JSON text. The kept questions' text (about 40 kB with the
        time-zone list) is spliced in as it is, rather than decoded by :meth:`definition` and
        encoded again when the snapshot is stored: about a tenth of a submission's CPU."""
        if self._questions is None:
            return json.dumps(self.definition())
        header = self.page.form_definition(questions=[])
        del header["questions"]
        return json.dumps(header)[:-1] + ', "questions": ' + self._questions + "}"

    def anchor_for(self, name: str) -> str:
        """The id of the first input of field ``name`` (error summary links point to it)."""
        widget = self.fields[name].widget
        if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            return f"id_{name}_0"
        if isinstance(self.fields[name], LanguageLevelsField):
            return f"id_{name}_0"  # MultiWidget numbers the ids of its selects
        return f"id_{name}"

    def error_summary(self) -> list[dict[str, str]]:
        """Every error in form order: {"anchor", "label", "message"} ("" anchor: whole form)."""
        summary = [{"anchor": "", "label": "", "message": str(m)} for m in self.non_field_errors()]
        for name, form_field in self.fields.items():
            for message in self.errors.get(name, []):
                summary.append(
                    {
                        "anchor": self.anchor_for(name),
                        "label": str(form_field.label or ""),
                        "message": str(message),
                    }
                )
        return summary

    def annotate_for_assistive_technology(self) -> None:
        """Link each input to its help text and errors (aria-describedby, aria-invalid)."""
        errors = self.errors if self.is_bound else {}
        for name, form_field in self.fields.items():
            described_by = []
            if form_field.help_text:
                described_by.append(f"{name}-help")
            if name in self.pending_uploads:
                described_by.append(f"{name}-kept")
            if errors.get(name):
                described_by.append(f"{name}-error")
                form_field.widget.attrs["aria-invalid"] = "true"
            else:
                form_field.widget.attrs.pop("aria-invalid", None)
            if described_by:
                form_field.widget.attrs["aria-describedby"] = " ".join(described_by)

    def blocks(self) -> list[dict[str, Any]]:
        """What the template renders, in order: headings, help texts and bound fields."""
        rendered = []
        for item in self.items:
            if item.kind != "question":
                rendered.append({"kind": item.kind, "text": item.text})
                continue
            for name, form_field in item.fields.items():
                if name == item.key:
                    input_kind = item.input
                else:
                    input_kind = "hidden" if form_field.widget.is_hidden else "select"
                block = {
                    "kind": "field",
                    "input": input_kind,
                    "field": self[name],
                    "kept": self.pending_uploads.get(name),
                    "notice": getattr(form_field, "notice", None),
                }
                if item.block_type == "core" and name == "availability":
                    block["input"] = "availability"
                    block["grid"] = availability_grid(self[name])
                rendered.append(block)
        return rendered

    def question_items(self) -> list[FormItem]:
        return [item for item in self.items if item.kind == "question"]

    def clean(self):
        cleaned = super().clean()
        for key in self.file_keys:
            if not isinstance(cleaned.get(key), UploadedFile) and key in self.pending_uploads:
                cleaned[key] = self.pending_uploads[key]
        if "privacy_consent" in self.fields and cleaned.get("privacy_consent"):
            from applications.models import PrivacyNotice

            # The notice in force, as looked up when this form was built (this request).
            consent = self.fields["privacy_consent"]
            if hasattr(consent, "notice_in_force"):
                current = consent.notice_in_force
            else:
                current = PrivacyNotice.current()
            seen = cleaned.get(PRIVACY_VERSION_FIELD, "")
            if current is not None and seen != current.version:
                if seen:
                    message = _(
                        "The privacy notice has changed since you opened this form. "
                        "Please read the new version and agree again."
                    )
                else:  # a client that did not say which version it showed
                    message = _(
                        "Please read the privacy notice (version %(version)s) and agree to it."
                    ) % {"version": current.version}
                self.add_error("privacy_consent", message)
                self.data = self.data.copy()
                self.data[PRIVACY_VERSION_FIELD] = current.version
        return cleaned


def answers_as_json(cleaned: dict[str, Any], uploads: dict) -> dict[str, Any]:
    """``cleaned_data`` as JSON under the stable keys (files as references to their upload)."""
    answers: dict[str, Any] = {}
    for key, value in cleaned.items():
        if key == PRIVACY_VERSION_FIELD:
            continue
        if key in uploads:
            upload = uploads[key]
            answers[key] = {
                "upload": upload.pk,
                "name": upload.original_name,
                "sha256": upload.sha256,
            }
        elif isinstance(value, date):
            answers[key] = value.isoformat()
        elif isinstance(value, UploadedFile) or value is None:
            continue
        else:
            answers[key] = value
    return answers
