"""Editable site furniture: the footer, translated per language like every other text."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin, TranslatableMixin
from wagtail.snippets.models import register_snippet


class FooterText(DraftStateMixin, RevisionMixin, PreviewableMixin, TranslatableMixin, models.Model):
    """The footer shown on every page; one per language (translated with wagtail-localize)."""

    body = RichTextField(_("text"), features=["bold", "italic", "link"])
    contact_email = models.EmailField(_("contact email"), blank=True)

    panels = [FieldPanel("body"), FieldPanel("contact_email"), PublishingPanel()]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self) -> str:
        return str(_("Footer text ({language})")).format(language=self.locale.get_display_name())

    def get_preview_template(self, request, mode_name):
        return "base/footer_preview.html"

    def get_preview_context(self, request, mode_name):
        return {"footer_text": self, "request": request}

    def serve_preview(self, request, mode_name):
        """Preview the footer in its own language (page chrome included), not the editor's."""
        with translation.override(self.locale.language_code):
            return super().serve_preview(request, mode_name).render()


register_snippet(FooterText)
