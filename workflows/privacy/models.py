"""Records of the privacy work: erasure requests, erasures done, exports, retention policies.

None of them holds a name or an email: they point at the person by id (the person's row
itself is anonymised on erasure, not deleted, so the id keeps pointing at nothing personal).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: Defaults when a cohort has no policy of its own (see README, Privacy).
DEFAULT_DECLINED_MONTHS = 6
DEFAULT_PARTICIPANT_MONTHS = 24


class ErasureRequest(models.Model):
    """A person asked (in the portal) to be erased; a coordinator carries it out or declines."""

    class State(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Carried out")
        DECLINED = "declined", _("Declined")

    person_id_ref = models.PositiveBigIntegerField(_("person id"), db_index=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at"]

    def __str__(self) -> str:
        return f"#{self.person_id_ref} {self.state}"


class ErasureRecord(models.Model):
    """One erasure done: who, when, which person id, why, and what was removed and kept."""

    person_id_ref = models.PositiveBigIntegerField(_("person id"), db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("by"), max_length=255)
    reason = models.CharField(_("reason"), max_length=255)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    #: {"model label": {"deleted": n, "anonymised": n, "kept": n}}: counts only.
    summary = models.JSONField(_("summary"), default=dict)

    class Meta:
        verbose_name = _("erasure")
        verbose_name_plural = _("erasures")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"#{self.person_id_ref} @ {self.created_at:%Y-%m-%d %H:%M}"


class ExportRecord(models.Model):
    """One data export: whose (person id), by whom (the person or a staff user), when."""

    person_id_ref = models.PositiveBigIntegerField(_("person id"), db_index=True)
    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by staff user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    by_person = models.BooleanField(_("by the person"), default=False)
    created_at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"#{self.person_id_ref} @ {self.created_at:%Y-%m-%d %H:%M}"


class RetentionPolicy(models.Model):
    """How long a cohort keeps its people's data (no row: the defaults above)."""

    cohort = models.OneToOneField(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="retention_policy",
    )
    declined_months = models.PositiveSmallIntegerField(
        _("months after the decision (rejected or withdrawn)"),
        default=DEFAULT_DECLINED_MONTHS,
        help_text=_("Applicants who were rejected or withdrew are erased this long after."),
    )
    participant_months = models.PositiveSmallIntegerField(
        _("months after the programme ends (everyone else)"),
        default=DEFAULT_PARTICIPANT_MONTHS,
        help_text=_("Everyone else in the cohort is erased this long after it ends."),
    )
    enabled = models.BooleanField(
        _("erase automatically"),
        default=True,
        help_text=_("Off: the nightly run reports who is due but erases nobody."),
    )

    class Meta:
        verbose_name = _("retention policy")
        verbose_name_plural = _("retention policies")

    def __str__(self) -> str:
        return f"{self.cohort_id}: {self.declined_months}/{self.participant_months}"
