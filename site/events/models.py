"""Events of the programme (workshops, conferences, lab and company visits, meetings with
doctoral students), listed on an index page that also serves an iCal feed per language."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from base.blocks import BaseStreamBlock
from base.timezones import timezone_choices
from pagecache import clock


class EventPageQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now()).order_by("starts_at")

    def past(self, now=None):
        return self.filter(ends_at__lt=now or timezone.now()).order_by("-starts_at")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventIndexPage(RoutablePageMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def events(self) -> EventPageQuerySet:
        """Live events of this index written in its language (no untranslated aliases)."""
        from base.localization import translated_only

        return translated_only(EventPage.objects.live().child_of(self))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if not getattr(request, "is_preview", False):
            # Taken before the querysets below read the clock (see pagecache.clock.epoch): the
            # template keeps the listing as a fragment under it and the page-cache generation.
            context["content_epoch"] = clock.epoch(request)
        context["upcoming_events"] = self.events().upcoming()
        context["past_events"] = self.events().past()
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("feed.ics", name="ical_feed")
    def ical_feed(self, request):
        """All events of this language's index as an iCalendar feed."""
        from events.ical import build_calendar

        calendar = build_calendar(self, self.events().order_by("starts_at"), request)
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = (
            f'inline; filename="careersteps-events-{self.locale.language_code}.ics"'
        )
        return response


class EventPage(Page):
    class EventType(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        CONFERENCE = "conference", _("Conference")
        LAB_VISIT = "lab_visit", _("Laboratory visit")
        COMPANY_VISIT = "company_visit", _("Company visit")
        DOCTORAL_MEETING = "doctoral_meeting", _("Meeting with doctoral students")
        PROGRAMME_MEETING = "programme_meeting", _("Programme meeting")

    event_type = models.CharField(_("type"), max_length=32, choices=EventType.choices)
    introduction = models.TextField(_("introduction"), blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Prague",
        choices=timezone_choices,
        help_text=_("The time zone of the place where the event happens."),
    )
    venue = models.CharField(_("place"), max_length=255, blank=True)
    address = models.TextField(_("address"), blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("host institution"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    objects = EventPageManager()

    content_panels = Page.content_panels + [
        FieldPanel("event_type"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldPanel("timezone"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldPanel("online_url"),
                FieldPanel("institution"),
            ],
            heading=_("Where"),
        ),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("event_type"),
        index.FilterField("starts_at"),
        index.FilterField("ends_at"),
    ]
    api_fields = [
        APIField("event_type"),
        APIField("introduction"),
        APIField("starts_at"),
        APIField("ends_at"),
        APIField("timezone"),
        APIField("venue"),
        APIField("address"),
        APIField("online_url"),
        APIField("institution"),
        APIField("image"),
        APIField("image_rendition", serializer=ImageRenditionField("width-1200", source="image")),
        APIField("body"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("An event must end after it starts.")})

    def get_context(self, request, *args, **kwargs):
        from base.page_urls import parent_url
        from institutions.localized import localized_by_pk

        context = super().get_context(request, *args, **kwargs)
        context["host"] = localized_by_pk(self.institution_id)  # in the reader's language
        context["parent_url"] = parent_url(self, request)
        return context

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_starts_at(self):
        return timezone.localtime(self.starts_at, self.tzinfo)

    @property
    def local_ends_at(self):
        return timezone.localtime(self.ends_at, self.tzinfo)

    @property
    def is_online(self) -> bool:
        return bool(self.online_url) and not self.venue
