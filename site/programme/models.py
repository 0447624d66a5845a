"""Programme pages: what careerSTEPS is, for mentees, for mentors, how it runs."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import BaseStreamBlock


class ProgrammePage(Page):
    """Rich content about the programme; may nest (e.g. "For mentees" under "The programme")."""

    introduction = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("image"),
        APIField("image_rendition", serializer=ImageRenditionField("width-1200", source="image")),
        APIField("body"),
    ]

    parent_page_types = ["home.HomePage", "programme.ProgrammePage"]
    subpage_types = ["programme.ProgrammePage"]

    class Meta:
        verbose_name = _("programme page")
