"""One row per consent given or withdrawn; never changed afterwards.

The current state of a purpose for a person is their latest row for it (see
:func:`consents.services.current_consents`); the rows before it are the audit trail: who
agreed to what, under which version of the privacy notice, when and how. Every row is also
written to the hash-chained history (``machine="consent"``).

Erasure of a person deletes their rows with them (``on_delete=CASCADE``): a consent record
identifies the person, and proof of consent is no longer needed once nothing is processed.
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from consents.purposes import PURPOSE_CHOICES, get_purpose


class ConsentRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):  # noqa: D102 - append-only
        raise TypeError("Consent records are append-only: record a new one.")


class ConsentRecord(models.Model):
    class Source(models.TextChoices):
        FORM = "form", _("application form")
        PORTAL = "portal", _("applicant portal")
        ADMIN = "admin", _("recorded by staff")
        IMPORT = "import", _("imported from earlier records")

    person = models.ForeignKey(
        "applications.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="consent_records",
    )
    purpose = models.CharField(_("purpose"), max_length=40, choices=PURPOSE_CHOICES)
    granted = models.BooleanField(_("given"))
    notice_version = models.CharField(_("privacy notice version"), max_length=30, blank=True)
    source = models.CharField(_("how"), max_length=10, choices=Source.choices)
    #: The application whose form recorded it (form consents), if any.
    application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("application"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now, db_index=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["recorded_at", "pk"]
        indexes = [models.Index(fields=["person", "purpose", "recorded_at"])]

    def __str__(self) -> str:
        state = "+" if self.granted else "-"
        return f"{self.person_id}:{self.purpose}{state} ({self.notice_version or '–'})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise TypeError("Consent records are append-only: record a new one.")
        super().save(*args, **kwargs)

    @property
    def purpose_label(self) -> str:
        purpose = get_purpose(self.purpose)
        return str(purpose.label) if purpose else self.purpose
