"""Form fields for the structured core answers (language levels, weekly availability)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from applications.core import LANGUAGE_CHOICES, LEVEL_CHOICES


class LanguageLevelsWidget(forms.MultiWidget):
    """One labelled select per language (``<name>_cs``, ``<name>_de``, ``<name>_en``)."""

    template_name = "applications/widgets/language_levels.html"

    def __init__(self, attrs=None):
        choices = [("", _("Not at all"))] + LEVEL_CHOICES
        widgets = {code: forms.Select(choices=choices) for code, _label in LANGUAGE_CHOICES}
        super().__init__(widgets, attrs)

    def decompress(self, value):
        value = value or {}
        return [value.get(code, "") for code, _label in LANGUAGE_CHOICES]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, (_code, label) in zip(
            context["widget"]["subwidgets"], LANGUAGE_CHOICES, strict=True
        ):
            subwidget["label"] = label
        return context


class LanguageLevelsField(forms.MultiValueField):
    """{language code: level} for the languages someone can mentor in (at least one)."""

    widget = LanguageLevelsWidget

    def __init__(self, **kwargs):
        choices = [("", "")] + LEVEL_CHOICES
        fields = [forms.ChoiceField(choices=choices, required=False) for _ in LANGUAGE_CHOICES]
        kwargs.setdefault(
            "error_messages",
            {"required": _("Choose at least one language and your level in it.")},
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        data_list = data_list or [""] * len(LANGUAGE_CHOICES)
        return {
            code: level
            for (code, _label), level in zip(LANGUAGE_CHOICES, data_list, strict=True)
            if level
        }
