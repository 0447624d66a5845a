"""Translatable snippets the application forms refer to: disciplines and privacy notices.

Both carry a stable, never-translated identifier (``key``, ``version``) next to their
translated text, so answers and consents compare across languages.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField


def in_locale(instance, locale: Locale):
    """``instance`` in ``locale`` if translated, else ``instance`` itself (the fallback)."""
    if instance is None or instance.locale_id == locale.pk:
        return instance
    return instance.get_translation_or_none(locale) or instance


class Discipline(TranslatableMixin, index.Indexed, models.Model):
    """A field of research (shared taxonomy): mentees and mentors are matched on it."""

    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("A stable identifier, e.g. “mechanical-engineering”. Not translated."),
    )
    name = models.CharField(_("name"), max_length=150)

    panels = [FieldPanel("key"), FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    api_fields = [APIField("key"), APIField("name")]
    override_translatable_fields = [SynchronizedField("key", overridable=False)]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("discipline")
        verbose_name_plural = _("disciplines")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_discipline_key_locale")
        ]

    def __str__(self) -> str:
        return self.name


class PrivacyNotice(TranslatableMixin, models.Model):
    """One version of the privacy notice applicants consent to (the version is recorded)."""

    version = models.CharField(
        _("version"), max_length=30, help_text=_("E.g. “2026-09”. Not translated.")
    )
    effective_from = models.DateTimeField(_("effective from"), default=timezone.now)
    title = models.CharField(_("title"), max_length=200)
    text = RichTextField(_("text"))

    panels = [
        FieldPanel("version"),
        FieldPanel("effective_from"),
        FieldPanel("title"),
        FieldPanel("text"),
    ]
    override_translatable_fields = [
        SynchronizedField("version", overridable=False),
        SynchronizedField("effective_from", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.title} ({self.version})"

    @classmethod
    def current(cls, locale: Locale | None = None, now=None) -> PrivacyNotice | None:
        """The notice in force at ``now`` (source version), shown in ``locale`` if translated."""
        from applications.memo import default_locale

        now = now or timezone.now()
        notice = (
            cls.objects.filter(locale=default_locale(), effective_from__lte=now)
            .order_by("-effective_from")
            .first()
        )
        return in_locale(notice, locale) if locale else notice
