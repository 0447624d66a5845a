"""Idempotent English snippets (institutions, footer text) and their translations."""

from __future__ import annotations

from typing import Any

from django.db import models
from wagtail.models import DraftStateMixin, Locale, RevisionMixin

from .context import LoadContext
from .localize import translate
from .text import Glossary, T


def sync_snippet(
    model: type[models.Model],
    *,
    lookup: dict[str, Any],
    texts: dict[str, T],
    fields: dict[str, Any] | None = None,
    context: LoadContext,
) -> models.Model:
    """Find the English ``model`` row by ``lookup`` (or create it), update, then translate it.

    ``texts`` are translatable fields (given in three languages), ``fields`` are shared ones.
    Rich text fields take their value as HTML built from the same texts, see ``rich_text``.
    """
    english = Locale.objects.get(language_code="en")
    glossary = Glossary()
    wanted = {name: _english(value, glossary) for name, value in texts.items()}
    wanted.update(fields or {})
    instance = model.objects.filter(locale=english, **lookup).first()
    label = f"{model._meta.verbose_name}: {wanted.get('name', '(one per language)')}"
    if instance is None:
        instance = model(locale=english, **wanted)
        _save(instance)
        context.record("snippet", "created", label)
    else:
        changed = [name for name, value in wanted.items() if getattr(instance, name) != value]
        if changed:
            for name in changed:
                setattr(instance, name, wanted[name])
            _save(instance)
            context.record("snippet", "updated", label)
    result = translate(instance, glossary)
    if result.changed:
        context.record("snippet", "translated", f"{label} {result.reasons}")
    return instance


class RichText:
    """Paragraphs for a RichTextField, registered paragraph by paragraph (like blocks)."""

    def __init__(self, *paragraphs: T) -> None:
        self.paragraphs = paragraphs

    def english(self, glossary: Glossary) -> str:
        return "".join(f"<p>{glossary.add(paragraph)}</p>" for paragraph in self.paragraphs)


def _english(value: T | RichText, glossary: Glossary) -> str:
    return value.english(glossary) if isinstance(value, RichText) else glossary.add(value)


def _save(instance: models.Model) -> None:
    """Save, and for draftable snippets publish a revision so the live row matches."""
    instance.full_clean()
    instance.save()
    if isinstance(instance, DraftStateMixin):
        instance.save_revision().publish()
    elif isinstance(instance, RevisionMixin):
        instance.save_revision()
