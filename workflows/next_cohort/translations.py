"""Translate a cloned page the wagtail-localize way, reusing the old page's translations.

The copy gets a ``TranslationSource`` and a ``Translation`` per language the old page was
translated into, exactly as "Translate this page" in the admin would make them, so the
copies stay synced with the English page afterwards. Each string segment of the copy takes
the translation the old page's segment at the same content path had: unchanged strings as
they were, strings whose years moved (titles such as "2026/27") with the same shift applied
to the translation. Anything else is left for the translators (the target shows English).
"""

from __future__ import annotations

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from workflows.next_cohort.years import shift_text


def old_translations(old_page: Page, locale: Locale) -> dict[str, tuple[str, StringTranslation]]:
    """The old page's string translations in ``locale`` by content path: (source text, row)."""
    rows = StringTranslation.objects.filter(
        context__object_id=old_page.translation_key, locale=locale
    ).select_related("context", "translation_of")
    return {row.context.path: (row.translation_of.data, row) for row in rows}


def reused_wording(new_text: str, old: tuple[str, StringTranslation] | None, years: int):
    """The old translation for ``new_text``, shifted when the English was; None if it no
    longer fits (the English changed otherwise)."""
    if old is None:
        return None
    old_text, row = old
    if old_text == new_text:
        return row.data
    if shift_text(old_text, years) == new_text:
        return shift_text(row.data, years)
    return None


def translate_copy(old_page: Page, new_page: Page, *, years: int, user=None) -> list[str]:
    """Create ``new_page``'s translations into every language ``old_page`` has (drafts).

    The parent must already be translated (clone a cohort before its form pages). Returns
    the language codes written.
    """
    new_page = new_page.specific
    source, _created = TranslationSource.get_or_create_from_instance(new_page)
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    written = []
    for translated_old in old_page.get_translations().select_related("locale"):
        locale = translated_old.locale
        previous = old_translations(old_page, locale)
        for segment in segments:
            wording = reused_wording(segment.string.data, previous.get(segment.context.path), years)
            if wording is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": wording,
                    "translation_type": previous[segment.context.path][1].translation_type,
                },
            )
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.save_target(user=user, publish=False)
        written.append(locale.language_code)
    return written
