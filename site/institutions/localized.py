"""An institution in the reader's language with one query.

``TranslatableMixin.localized`` costs a query for the active Locale and one for the
translation, after the query that loaded the institution: three on every event page.
"""

from __future__ import annotations

from django.db.models import Q, Subquery
from django.utils.translation import get_language

from institutions.models import Institution


def localized_by_pk(pk: int | None) -> Institution | None:
    """Institution ``pk`` in the active language (the original where it has no translation):
    the original and its translation come back together, and the translation wins."""
    if pk is None:
        return None
    key = Institution.objects.filter(pk=pk).values("translation_key")[:1]
    rows = list(
        Institution.objects.filter(
            Q(pk=pk) | Q(translation_key=Subquery(key), locale__language_code=get_language())
        ).select_related("logo")
    )
    translated = [row for row in rows if row.pk != pk]
    return (translated or rows or [None])[0]
