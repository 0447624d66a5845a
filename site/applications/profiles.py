"""The typed, comparable answers of an application: what matching and eligibility read.

Free-form answers live in ``Application.answers`` (a JSON object under stable keys); the core
answers are additionally stored here as columns and rows, so they can be filtered and joined.
Translatable things are stored as their default-locale (source) instance.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from applications.core import (
    ACADEMIC_RANK_CHOICES,
    DEGREE_LEVEL_CHOICES,
    LANGUAGE_CHOICES,
    LEVEL_CHOICES,
    MEETING_CHOICES,
    WEEKDAY_CHOICES,
)


class ApplicantProfile(models.Model):
    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("home institution"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    faculty = models.CharField(_("faculty or department"), max_length=200)
    programme_or_position = models.CharField(_("study programme or position"), max_length=200)
    degree_level = models.CharField(
        _("degree level"), max_length=30, choices=DEGREE_LEVEL_CHOICES, blank=True
    )
    academic_rank = models.CharField(
        _("academic rank"), max_length=30, choices=ACADEMIC_RANK_CHOICES, blank=True
    )
    disciplines = models.ManyToManyField(
        "applications.Discipline", verbose_name=_("disciplines"), related_name="+"
    )
    research_interests = models.JSONField(
        _("research interests"), default=list, help_text=_("Keywords, lower case.")
    )
    meeting_preference = models.CharField(
        _("meeting preference"), max_length=20, choices=MEETING_CHOICES
    )
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Prague")
    goals = models.TextField(_("goals and wishes"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("mentee capacity"), null=True, blank=True)
    privacy_notice = models.ForeignKey(
        "applications.PrivacyNotice",
        verbose_name=_("privacy notice consented to"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
    )
    privacy_notice_version = models.CharField(_("privacy notice version"), max_length=30)
    consented_at = models.DateTimeField(_("consented at"))

    class Meta:
        verbose_name = _("applicant profile")
        verbose_name_plural = _("applicant profiles")

    def __str__(self) -> str:
        return str(self.application)


class MentoringLanguage(models.Model):
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="languages"
    )
    language = models.CharField(_("language"), max_length=10, choices=LANGUAGE_CHOICES)
    level = models.CharField(_("level"), max_length=10, choices=LEVEL_CHOICES)

    class Meta:
        verbose_name = _("mentoring language")
        verbose_name_plural = _("mentoring languages")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "language"], name="one_level_per_application_language"
            )
        ]

    def __str__(self) -> str:
        return f"{self.language} {self.level}"


class AvailabilitySlot(models.Model):
    """A weekly slot in the applicant's local wall-clock time (see ``profile.timezone``)."""

    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE, related_name="availability"
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAY_CHOICES)
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"))

    class Meta:
        verbose_name = _("availability slot")
        verbose_name_plural = _("availability slots")
        ordering = ["weekday", "starts_at"]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.starts_at:%H:%M}–{self.ends_at:%H:%M}"
