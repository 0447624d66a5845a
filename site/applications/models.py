"""Applicants and their applications.

A :class:`Person` is one human, identified by a normalised email address; an
:class:`Application` is their request to join one cohort in one role. Its ``state`` is driven
by the application lifecycle in :mod:`workflows.lifecycles.application`.
"""

import unicodedata

from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.lifecycles.application import APPLICATION


def normalise_email(email: str) -> str:
    """NFC and case-folded, so "Jürgen@X.de" and "ju\u0308rgen@x.de" are one person."""
    return unicodedata.normalize("NFC", email.strip()).casefold()


def normalise_name(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).split())


class Person(models.Model):
    email = models.EmailField(_("email"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    preferred_language = models.CharField(_("preferred language"), max_length=10, default="en")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.email = normalise_email(self.email)
        self.full_name = normalise_name(self.full_name)
        super().save(*args, **kwargs)


class Application(models.Model):
    class Role(models.TextChoices):
        MENTEE = "mentee", _("Mentee")
        MENTOR = "mentor", _("Mentor")

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="applications"
    )
    cohort = models.ForeignKey(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    state = models.CharField(
        _("state"),
        max_length=30,
        choices=APPLICATION.state_choices(),
        default=APPLICATION.initial,
        db_index=True,
    )
    state_changed_at = models.DateTimeField(_("state changed at"), auto_now_add=True)
    language = models.CharField(_("language"), max_length=10)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    form_page = models.ForeignKey(
        "applications.ApplicationFormPage",
        verbose_name=_("form answered"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("The copy of the form (in the applicant's language) that was submitted."),
    )
    answers = models.JSONField(
        _("answers"), default=dict, blank=True, help_text=_("All answers, by stable key.")
    )
    form_snapshot = models.JSONField(
        _("form as answered"),
        default=dict,
        blank=True,
        help_text=_("A copy of the form definition the applicant saw, in their language."),
    )

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "cohort", "role"], name="one_application_per_person_cohort_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.get_role_display()} ({self.cohort})"


# The rest of the app's models live in small modules; importing them here registers them.
from applications.drafts import Draft, Upload  # noqa: E402
from applications.pages import ApplicationFormPage  # noqa: E402
from applications.profiles import ApplicantProfile, AvailabilitySlot, MentoringLanguage  # noqa: E402
from applications.taxonomy import Discipline, PrivacyNotice  # noqa: E402

__all__ = [
    "ApplicantProfile",
    "Application",
    "ApplicationFormPage",
    "AvailabilitySlot",
    "Discipline",
    "Draft",
    "MentoringLanguage",
    "Person",
    "PrivacyNotice",
    "Upload",
]
