"""Roles held in one cohort only.

A member of the Coordinators group with no coordinator :class:`CohortRole` is *global*; one
with rows coordinates only those cohorts. Cohorts are compared by ``translation_key``, so the
cs/de copies of a cohort page count as the same cohort. (Moved here from ``workflows.review``
keeping its table, ``review_cohortrole``, so nothing below the domain apps needs review.)
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class CohortRole(models.Model):
    """A role held in one cohort only (see the module docstring for how it scopes)."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        REVIEWER = "reviewer", _("Reviewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="cohort_roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    cohort = models.ForeignKey(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("user"), FieldPanel("role"), FieldPanel("cohort")]

    class Meta:
        db_table = "review_cohortrole"
        verbose_name = _("cohort role")
        verbose_name_plural = _("cohort roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "cohort"], name="one_cohort_role")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} ({self.cohort})"
