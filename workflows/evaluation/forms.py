"""A survey as a Django form, in the respondent's language, goals expanded one per field."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workflows.evaluation.models import Survey

TEXT_MAX = 5000


def _radio(label: str, choices, required: bool, help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        help_text=help_text,
        # A rating scale: its options side by side (see field__options--scale in site.css).
        widget=forms.RadioSelect(attrs={"class": "scale"}),
        error_messages={"required": _("Please choose one of the answers.")},
    )


def survey_form(survey: Survey, goals: list[str], data=None) -> forms.Form:
    """The form for ``survey`` (a translation), with one rating per goal of the respondent."""
    form = forms.Form(data)
    for block in survey.questions:
        value, key = block.value, block.value["key"]
        label, required, help_text = value["label"], value["required"], value["help_text"]
        if block.block_type == "rating":
            low, high = value.get("low_label") or "", value.get("high_label") or ""
            choices = [
                (
                    str(n),
                    f"{n} – {low}"
                    if n == 1 and low
                    else f"{n} – {high}"
                    if n == 5 and high
                    else str(n),
                )
                for n in range(1, 6)
            ]
            form.fields[key] = _radio(label, choices, required, help_text)
        elif block.block_type == "recommend":
            form.fields[key] = _radio(
                label, [(str(n), str(n)) for n in range(11)], required, help_text
            )
        elif block.block_type == "goals":
            for index, goal in enumerate(goals):
                form.fields[f"{key}__{index}"] = _radio(
                    goal, [(str(n), str(n)) for n in range(1, 6)], required, help_text or label
                )
        elif block.block_type == "text":
            form.fields[key] = forms.CharField(
                label=label,
                required=required,
                help_text=help_text,
                max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
    return form


def answers_from(survey: Survey, goals: list[str], cleaned: dict) -> dict:
    """Answers keyed by question key: ints for ratings, a list for goals, text as written."""
    answers: dict = {}
    for block in survey.questions:
        key = block.value["key"]
        if block.block_type in ("rating", "recommend"):
            if cleaned.get(key) not in (None, ""):
                answers[key] = int(cleaned[key])
        elif block.block_type == "goals":
            ratings = [cleaned.get(f"{key}__{i}") for i in range(len(goals))]
            answers[key] = [int(r) for r in ratings if r not in (None, "")]
        elif block.block_type == "text" and cleaned.get(key):
            answers[key] = cleaned[key]
    return answers
