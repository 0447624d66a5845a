"""The home page: the root of each language's tree (/en/, /cs/, /de/)."""

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import BaseStreamBlock
from base.localization import translated_only
from pagecache import clock


class HomePage(Page):
    introduction = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("hero_image"),
        # A ready-to-use rendition, so a headless client needs no second request per image.
        APIField(
            "hero_image_rendition",
            serializer=ImageRenditionField("fill-1600x700-c60", source="hero_image"),
        ),
        APIField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "programme.ProgrammePage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "cohorts.CohortIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from cohorts.models import CohortPage
        from events.models import EventPage
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            # Taken before anything below reads the clock (see pagecache.clock.epoch): the
            # template keeps the content as a fragment under it and the page-cache generation.
            context["content_epoch"] = clock.epoch(request)
        # Only pages translated into this language (see base.localization.translated_only).
        # Nothing is read until the template asks, and a cached fragment asks nothing.
        context["latest_news"] = translated_only(
            NewsPage.objects.live().descendant_of(self).order_by("-date_published")
        )[:3]
        context["upcoming_events"] = translated_only(
            EventPage.objects.live().descendant_of(self).upcoming()
        )[:3]
        context["open_cohorts"] = SimpleLazyObject(
            lambda: [
                cohort
                for cohort in translated_only(CohortPage.objects.live().descendant_of(self))
                if cohort.application_status() == CohortPage.ApplicationStatus.OPEN
            ]
        )
        return context
