"""Cohorts: one intake of the programme (e.g. the 2023/24 pilot), with its application window,
its programme dates and the partner institutions whose students and staff may apply."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from base.blocks import BaseStreamBlock


class CohortIndexPage(Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["cohorts.CohortPage"]

    class Meta:
        verbose_name = _("cohort index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from base.localization import translated_only

        context["cohorts"] = translated_only(
            CohortPage.objects.live().child_of(self).order_by("-programme_starts_on")
        )
        return context


class CohortPage(Page):
    class ApplicationStatus(models.TextChoices):
        UPCOMING = "upcoming", _("Applications open soon")
        OPEN = "open", _("Applications open")
        CLOSED = "closed", _("Applications closed")

    introduction = models.TextField(_("introduction"), blank=True)
    application_opens_at = models.DateTimeField(_("applications open at"))
    application_closes_at = models.DateTimeField(_("applications close at"))
    programme_starts_on = models.DateField(_("programme starts on"))
    programme_ends_on = models.DateField(_("programme ends on"))
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), default=10, help_text=_("How many mentoring tandems this cohort can hold.")
    )
    mentee_institutions = ParentalManyToManyField(
        "institutions.Institution",
        verbose_name=_("mentee institutions"),
        related_name="+",
        blank=True,
        help_text=_("Students of these institutions may apply as mentees."),
    )
    mentor_institutions = ParentalManyToManyField(
        "institutions.Institution",
        verbose_name=_("mentor institutions"),
        related_name="+",
        blank=True,
        help_text=_("Staff of these institutions may apply as mentors."),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("application_opens_at"), FieldPanel("application_closes_at")]
                ),
                FieldRowPanel([FieldPanel("programme_starts_on"), FieldPanel("programme_ends_on")]),
                FieldPanel("capacity"),
            ],
            heading=_("Dates and capacity"),
        ),
        MultiFieldPanel(
            [FieldPanel("mentee_institutions"), FieldPanel("mentor_institutions")],
            heading=_("Who may apply"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("application_opens_at"),
        index.FilterField("application_closes_at"),
    ]
    api_fields = [
        APIField("introduction"),
        APIField("application_opens_at"),
        APIField("application_closes_at"),
        APIField("programme_starts_on"),
        APIField("programme_ends_on"),
        APIField("capacity"),
        APIField("mentee_institutions"),
        APIField("mentor_institutions"),
        APIField("body"),
    ]

    parent_page_types = ["cohorts.CohortIndexPage"]
    # Application form pages live under their cohort (see the applications app).
    subpage_types = ["applications.ApplicationFormPage"]

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def get_context(self, request, *args, **kwargs):
        from base.page_urls import parent_url

        context = super().get_context(request, *args, **kwargs)
        context["mentee_institutions"], context["mentor_institutions"] = self.institutions()
        context["parent_url"] = parent_url(self, request)
        return context

    def institutions(self) -> tuple[list, list]:
        """Mentee and mentor institutions in the reader's language, with one query: every
        linked institution and its translation come back together, the translation wins."""
        from institutions.models import Institution

        language = get_language()
        mentees = self.mentee_institutions.through.objects.filter(cohortpage=self.pk)
        mentors = self.mentor_institutions.through.objects.filter(cohortpage=self.pk)
        linked = Q(pk__in=mentees.values("institution")) | Q(pk__in=mentors.values("institution"))
        keys = Q(translation_key__in=mentees.values("institution__translation_key")) | Q(
            translation_key__in=mentors.values("institution__translation_key")
        )
        rows = (
            Institution.objects.filter(keys)
            .filter(linked | Q(locale__language_code=language))
            .annotate(
                for_mentees=Exists(
                    mentees.filter(institution__translation_key=OuterRef("translation_key"))
                ),
                for_mentors=Exists(
                    mentors.filter(institution__translation_key=OuterRef("translation_key"))
                ),
            )
            .select_related("logo", "locale")
        )
        chosen: dict = {}
        for row in rows:  # ordered by name; a translation replaces its original
            if row.translation_key not in chosen or row.locale.language_code == language:
                chosen[row.translation_key] = row
        ordered = sorted(chosen.values(), key=lambda row: row.name)
        return (
            [row for row in ordered if row.for_mentees],
            [row for row in ordered if row.for_mentors],
        )

    def clean(self):
        super().clean()
        errors = {}
        if (
            self.application_opens_at
            and self.application_closes_at
            and self.application_closes_at <= self.application_opens_at
        ):
            errors["application_closes_at"] = _("Applications must close after they open.")
        if (
            self.programme_starts_on
            and self.programme_ends_on
            and self.programme_ends_on <= self.programme_starts_on
        ):
            errors["programme_ends_on"] = _("The programme must end after it starts.")
        if errors:
            raise ValidationError(errors)

    def application_status(self, now=None) -> "CohortPage.ApplicationStatus":
        """Where the application window stands at ``now`` (aware datetimes, not dates)."""
        now = now or timezone.now()
        if now < self.application_opens_at:
            return self.ApplicationStatus.UPCOMING
        if now >= self.application_closes_at:
            return self.ApplicationStatus.CLOSED
        return self.ApplicationStatus.OPEN

    def is_open_for_applications(self, now=None) -> bool:
        return self.application_status(now) == self.ApplicationStatus.OPEN

    def application_form_pages(self) -> list[Page]:
        """The live application forms under this cohort (one per role), in this page's language.

        Forms are pages of the applications app placed below their cohort; anything else a
        future editor puts there is not offered as an "Apply" button.
        """
        return [
            child
            for child in self.get_children().live().specific().order_by("path")
            if child._meta.label == "applications.ApplicationFormPage"
        ]

    def get_apply_url(self, request=None) -> str:
        """Where the "Apply" buttons outside the cohort page lead.

        With a single form (one role) that is the form itself; otherwise the cohort page's
        "Applications" section, where the reader picks mentee or mentor.
        """
        forms = self.application_form_pages()
        if len(forms) == 1:
            return forms[0].get_url(request=request) or ""
        return f"{self.get_url(request=request) or ''}#apply"
