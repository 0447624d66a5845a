"""The application form page: built from blocks by editors, translated with wagtail-localize.

One form page per role lives under its cohort page. Every locale's copy of the page answers
into the same source cohort and under the same keys (see :mod:`applications.blocks`).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from applications.blocks import FormStreamBlock
from applications.core import (
    CORE_BY_KEY,
    EXTRA_FIELD_KEYS,
    default_questions,
    required_core_keys,
)
from applications.memo import default_locale, kept_instance, remembered, remembering


def with_current_window(cohort):
    """``cohort`` (kept per process and site generation, see ``applications.memo.kept``) with
    its application window as the database holds it now: the window decides what a
    submission may do, and a cohort closed by a plain UPDATE (no page save, no new
    generation) must refuse the next one. One light query instead of the page's own (whose
    many columns cost about 1 ms of every submission to compile)."""
    if cohort is None:
        return None
    window = (
        type(cohort)
        .objects.filter(pk=cohort.pk)
        .values_list("application_opens_at", "application_closes_at")
        .first()
    )
    if window is not None:
        cohort.application_opens_at, cohort.application_closes_at = window
    return cohort


class ApplicationFormPageForm(WagtailAdminPageForm):
    """Lets editors save drafts of an incomplete form; the core-question check runs on publish."""

    def _post_clean(self):
        self.instance._defer_core_check = self.is_deferred_validation
        super()._post_clean()


def question_keys(stream) -> list[str]:
    """The answer keys of a form definition, in order (core questions by their core key)."""
    keys = []
    for child in stream:
        if child.block_type == "core":
            keys.append(child.value["question"])
        elif "key" in child.value:
            keys.append(child.value["key"])
    return keys


def validate_questions(stream, role: str) -> None:
    """Refuse a form that lacks a core question of its role, or uses a key twice."""
    keys = question_keys(stream)
    missing = [key for key in required_core_keys(role) if key not in keys]
    errors = []
    if missing:
        names = ", ".join(str(CORE_BY_KEY[key].label) for key in missing)
        errors.append(
            gettext("This form cannot be published without these core questions: %(names)s.")
            % {"names": names}
        )
    reserved = {extra for extras in EXTRA_FIELD_KEYS.values() for extra in extras}
    seen: set[str] = set()
    duplicates = sorted({key for key in keys if key in seen or seen.add(key)})
    clashes = [key for key in keys if key in reserved]
    if duplicates or clashes:
        errors.append(
            gettext("Each key may be used only once: %(keys)s.")
            % {"keys": ", ".join(duplicates + clashes)}
        )
    if errors:
        raise ValidationError({"questions": errors})


class ApplicationFormPage(Page):
    class Role(models.TextChoices):
        MENTEE = "mentee", _("Mentee")
        MENTOR = "mentor", _("Mentor")

    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    introduction = RichTextField(_("introduction"), blank=True)
    questions = StreamField(
        FormStreamBlock(), verbose_name=_("questions"), default=default_questions
    )
    thank_you_text = RichTextField(_("thank-you text"), blank=True)

    base_form_class = ApplicationFormPageForm
    content_panels = Page.content_panels + [
        FieldPanel("role"),
        FieldPanel("introduction"),
        FieldPanel("questions"),
        FieldPanel("thank_you_text"),
    ]
    api_fields = [APIField("role"), APIField("introduction")]

    parent_page_types = ["cohorts.CohortPage"]
    subpage_types: list[str] = []
    template = "applications/application_form_page.html"

    class Meta:
        verbose_name = _("application form")
        verbose_name_plural = _("application forms")

    def clean(self):
        super().clean()
        if self.role and not getattr(self, "_defer_core_check", False):
            validate_questions(self.questions, self.role)

    # The cohort this form belongs to -----------------------------------------------------

    def get_cohort(self):
        """The cohort page this copy of the form sits under (in the form's locale)."""
        return remembered(("form-cohort", self.pk), self._load_cohort)

    def _load_cohort(self):
        return with_current_window(
            kept_instance(("form-cohort", self.pk), lambda: (self._query_cohort(), None))
        )

    def _query_cohort(self):
        from cohorts.models import CohortPage

        # The parent is a cohort (``parent_page_types``): its specific row in one query
        # rather than the page, then its specific row; without its body, which no form reads.
        parent_path = self.path[: -self.steplen]
        found = CohortPage.objects.filter(path=parent_path).defer_streamfields().first()
        return found or self.get_parent().specific

    def get_source_cohort(self):
        """The cohort in the default (source) language: every application belongs to it."""
        return remembered(("form-source-cohort", self.pk), self._load_source_cohort)

    def _load_source_cohort(self):
        cohort = self.get_cohort()
        default = default_locale()
        if cohort.locale_id == default.pk:
            return cohort

        def source():
            return (
                type(cohort)
                .objects.defer_streamfields()
                .get(translation_key=cohort.translation_key, locale=default)
            ), None

        return with_current_window(kept_instance(("form-source-cohort", self.pk), source))

    def get_source_form(self) -> ApplicationFormPage:
        default = default_locale()
        if self.locale_id == default.pk:
            return self
        return (
            ApplicationFormPage.objects.filter(
                translation_key=self.translation_key, locale=default
            ).first()
            or self
        )

    def form_definition(self, items=None, required=None, questions=None) -> dict[str, Any]:
        """The form as this locale shows it (also the JSON snapshot kept with submissions).

        ``items`` are this page's form items when a form already built them (see
        ``ApplicationForm.definition``), ``required`` their fields' ``required`` as built;
        ``questions`` their description when the form kept it already.
        """
        from applications.forms import describe_questions

        return {
            "page_id": self.pk,
            "translation_key": str(self.translation_key),
            "locale": self.locale.language_code,
            "revision_id": self.live_revision_id,
            "role": self.role,
            "title": self.title,
            "questions": (
                describe_questions(self, items=items, required=required)
                if questions is None
                else questions
            ),
        }

    def serve(self, request, *args, **kwargs):
        from applications.views import serve_form_page

        with remembering(request):
            if self.locale_id == default_locale().pk:
                self.locale = default_locale()  # the same row: no query for the page's locale
            return serve_form_page(self, request)
