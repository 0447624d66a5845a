"""Translatable snippets and pages in the reader's language, looked up in one query per model.

Applications point at the source (default-locale) cohort, institution and disciplines; a
Czech or German coordinator should read their own translation. ``TranslatableMixin.localized``
does that one object at a time (a query each); listings and exports of hundreds of rows ask
here instead, once per model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import translation
from wagtail.models import Locale


def locale_for(language: str | None = None) -> Locale | None:
    """The Locale row of ``language`` (default: the active language), if the site has one."""
    code = (language or translation.get_language() or "").split("-")[0]
    return Locale.objects.filter(language_code=code).first() if code else None


def translations(model, objects: Iterable[Any], language: str | None = None) -> dict[Any, Any]:
    """``{translation_key: translated instance}`` for ``objects`` in ``language`` (one query).

    Objects without a translation are absent: callers fall back to the object itself
    (see :func:`translated`).
    """
    keys = {obj.translation_key for obj in objects if obj is not None}
    locale = locale_for(language)
    if not keys or locale is None:
        return {}
    manager = model._default_manager
    return {
        item.translation_key: item
        for item in manager.filter(translation_key__in=keys, locale=locale)
    }


def translated(obj: Any, mapping: dict[Any, Any]) -> Any:
    """``obj``'s translation from ``mapping``, or ``obj`` itself when there is none."""
    if obj is None:
        return None
    return mapping.get(obj.translation_key, obj)
