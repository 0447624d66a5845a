"""Many pages in the reader's language at once, exactly as ``page.localized`` gives each.

``TranslatableMixin.localized`` asks for the active locale and then for the translation, one
page at a time: a listing of applications would make two queries per row for its cohorts'
titles. :func:`localized_many` asks once for the locale and once per model for the
translations, and keeps ``localized``'s rules: the page itself when internationalisation is
off, when it is already in the active locale, or when its translation is missing or not live.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from wagtail.models import DraftStateMixin, Locale


def localized_many(objects: Iterable[Any]) -> dict[Any, Any]:
    """``{obj.pk: obj.localized}`` for ``objects`` (``None`` skipped) in one query per model."""
    objects = [obj for obj in objects if obj is not None]
    result = {obj.pk: obj for obj in objects}
    if not objects or not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return result
    try:
        locale = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return result
    elsewhere: dict[type, list[Any]] = {}
    for obj in objects:
        if obj.locale_id != locale.id:
            elsewhere.setdefault(type(obj), []).append(obj)
    for model, group in elsewhere.items():
        found = {
            item.translation_key: item
            for item in model.objects.filter(
                translation_key__in={obj.translation_key for obj in group}, locale_id=locale.id
            )
        }
        for obj in group:
            translation = found.get(obj.translation_key)
            if translation is None:
                continue
            if isinstance(obj, DraftStateMixin) and not translation.live:
                continue
            result[obj.pk] = translation
    return result
