"""Partner institutions (universities): translatable snippets chosen by cohorts and events."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Institution(TranslatableMixin, index.Indexed, models.Model):
    class Country(models.TextChoices):
        CZECHIA = "CZ", _("Czechia")
        GERMANY = "DE", _("Germany")
        AUSTRIA = "AT", _("Austria")
        SLOVAKIA = "SK", _("Slovakia")
        POLAND = "PL", _("Poland")

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("city"),
        FieldPanel("country"),
        FieldPanel("website"),
        FieldPanel("logo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.SearchField("city"),
        index.FilterField("country"),
        index.FilterField("locale_id"),
    ]
    api_fields = [
        APIField("name"),
        APIField("short_name"),
        APIField("city"),
        APIField("country"),
        APIField("website"),
        APIField("logo"),
        APIField("logo_rendition", serializer=ImageRenditionField("height-96", source="logo")),
        APIField("translation_key"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
