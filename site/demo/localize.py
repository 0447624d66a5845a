"""Turn demo objects into wagtail-localize translations from hand-written Czech and German.

This follows the admin's own path ("Translate this page"): a ``TranslationSource`` freezes the
English object, a ``Translation`` per target locale ties the copy to it, every ``StringSegment``
gets a ``StringTranslation``, and ``Translation.save_target`` writes the translated copy. The
result is exactly what an editor would have produced in the translation editor, so the pages
stay synced: editing the English page later shows the new strings as untranslated.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.db import models
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    RelatedObjectSegment,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .text import TARGET_LANGUAGES, Glossary


class MissingDemoTranslation(Exception):
    """The English object has a string the demo content gives no Czech/German wording for."""


@dataclass
class TranslationResult:
    """What one call of :func:`translate` did, per target language."""

    saved: list[str] = field(default_factory=list)  # language codes whose copy was (re)written
    reasons: dict[str, list[str]] = field(default_factory=dict)  # why, per language

    @property
    def changed(self) -> bool:
        return bool(self.saved)


def translate(instance: models.Model, glossary: Glossary) -> TranslationResult:
    """Create or update the cs/de translations of ``instance`` (idempotent).

    A target is only rewritten when something changed (a new source, new or different string
    translations, a missing or unpublished target), so a second run makes no new revisions.
    """
    # Always from the database: publishing writes through another instance (the revision's),
    # and a stale one would freeze outdated content into the TranslationSource.
    instance = type(instance)._default_manager.get(pk=instance.pk)
    if isinstance(instance, Page):
        instance = instance.specific
    previous = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).first()
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    source_changed = previous is None or _content(previous) != _content(source)
    _check_related_objects(source)

    result = TranslationResult()
    segments = list(StringSegment.objects.filter(source=source).select_related("string", "context"))
    # The other way round too: a demo text wagtail-localize did not extract would silently
    # stay English on the translated pages.
    unextracted = glossary.english_texts() - {segment.string.data for segment in segments}
    if unextracted:
        raise MissingDemoTranslation(
            f"{instance!r}: not extracted for translation: {sorted(unextracted)!r}"
        )
    for language in TARGET_LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        strings_changed = _store_string_translations(instance, segments, glossary, locale)
        translation, created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        if not translation.enabled:
            translation.enabled = True
            translation.save(update_fields=["enabled"])
            created = True
        target = _target_or_none(source, locale)
        reasons = {
            "new translation": created,
            "source changed": source_changed,
            "strings changed": strings_changed,
            "target missing": target is None,
            "target not live": isinstance(target, DraftStateMixin) and not target.live,
        }
        if any(reasons.values()):
            _save_target(translation, instance)
            result.saved.append(language)
            result.reasons[language] = [reason for reason, why in reasons.items() if why]
    return result


# Bookkeeping that changes without the content changing: the tree position (a child page was
# added) and revision/publishing metadata. A difference there alone needs no new translation.
_BOOKKEEPING = {
    "path",
    "depth",
    "numchild",
    "url_path",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "has_unpublished_changes",
}


def _content(source: TranslationSource) -> dict:
    data = json.loads(source.content_json)
    return {key: value for key, value in data.items() if key not in _BOOKKEEPING}


def _store_string_translations(
    instance: models.Model, segments: list[StringSegment], glossary: Glossary, locale: Locale
) -> bool:
    """Write one StringTranslation per segment; True if any was created or changed."""
    changed = False
    for segment in segments:
        text = glossary.lookup(segment.string.data)
        if text is None:
            raise MissingDemoTranslation(
                f"{instance!r}: no {locale.language_code} text for {segment.string.data!r} "
                f"(field {segment.context.path})"
            )
        wording = text[locale.language_code]
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).first()
        if existing is None:
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=wording,
                translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            )
            changed = True
        elif existing.data != wording or existing.has_error:
            existing.data = wording
            existing.has_error = False
            existing.field_error = ""
            existing.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
            existing.save()
            changed = True
    return changed


def _check_related_objects(source: TranslationSource) -> None:
    """Translated objects must point at translated objects (e.g. an event's institution)."""
    for segment in RelatedObjectSegment.objects.filter(source=source).select_related("object"):
        for language in TARGET_LANGUAGES:
            if not segment.object.has_translation(Locale.objects.get(language_code=language)):
                raise MissingDemoTranslation(
                    f"{source.object_repr}: {segment.context.path} points at an object "
                    f"without a {language} translation; load it first"
                )


def _target_or_none(source: TranslationSource, locale: Locale) -> models.Model | None:
    try:
        return source.get_translated_instance(locale)
    except models.ObjectDoesNotExist:
        return None


def _save_target(translation: Translation, instance: models.Model) -> None:
    """Write the target and publish it right away.

    ``save_target(publish=True)`` publishes pages and draftable snippets in
    ``transaction.on_commit``; publishing the new revision here instead keeps the result the
    same inside a surrounding transaction (a loader step, a test) as outside it.
    """
    draftable = isinstance(instance, DraftStateMixin)
    translation.save_target(publish=not draftable)
    if draftable:
        target = translation.get_target_instance()
        if isinstance(target, Page):
            target = target.specific
        target.refresh_from_db()
        target.latest_revision.publish()
