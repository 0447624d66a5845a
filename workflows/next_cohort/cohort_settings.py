"""Copy a cohort's per-cohort settings of every domain app onto its successor.

One table row per settings model: which fields travel as they are and which dates move with
the years. Rubrics are not here: they are global, per applicant role (review.Rubric), so the
new cohort uses the same ones. Per-person data (applications, matches, pair rules, reviewer
roles) never travels; coordinators' cohort roles do, so a one-cohort coordinator keeps
coordinating their cohort's successor.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from workflows.access.models import CohortRole
from workflows.agreements.models import AgreementSettings
from workflows.evaluation.models import SurveyRound
from workflows.matching.models import MatchingSettings
from workflows.next_cohort.years import shift_date
from workflows.programme_life.models import ProgrammeSettings


@dataclass(frozen=True)
class CopiedSetting:
    model: type[models.Model]
    label: str | Promise
    fields: tuple[str, ...]
    shifted_dates: tuple[str, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()


COPIED_SETTINGS: tuple[CopiedSetting, ...] = (
    CopiedSetting(
        MatchingSettings,
        _("Matching settings (weights, hard constraints, participants' say)"),
        ("weights", "switches", "participants_say"),
    ),
    CopiedSetting(
        AgreementSettings,
        _("Agreement settings (template, signing order, consent text version)"),
        ("template", "signing_order", "consent_version"),
    ),
    CopiedSetting(
        ProgrammeSettings,
        _("Programme settings (inactivity nudge, reminders)"),
        ("nudge_after_weeks", "remind_hours_before"),
    ),
    CopiedSetting(
        SurveyRound,
        _("Survey rounds (same surveys, sent a year later)"),
        ("survey", "moment", "audience"),
        shifted_dates=("send_on",),
    ),
    CopiedSetting(
        CohortRole,
        _("Coordinators of the cohort"),
        ("user", "role"),
        filters=(("role", CohortRole.Role.COORDINATOR),),
    ),
)


def rows_of(setting: CopiedSetting, cohort) -> models.QuerySet:
    return setting.model.objects.filter(cohort=cohort, **dict(setting.filters)).order_by("pk")


def settings_summary(cohort) -> list[tuple[str | Promise, int]]:
    """What :func:`copy_cohort_settings` would copy: (label, number of rows) per model."""
    return [(setting.label, rows_of(setting, cohort).count()) for setting in COPIED_SETTINGS]


def copy_cohort_settings(old_cohort, new_cohort, years: int) -> dict[str, int]:
    """Copy every settings row of ``old_cohort`` to ``new_cohort`` (run inside the cloning
    transaction); returns how many rows per model label."""
    copied: dict[str, int] = {}
    for setting in COPIED_SETTINGS:
        count = 0
        for row in rows_of(setting, old_cohort):
            values = {name: getattr(row, name) for name in setting.fields}
            values.update(
                {name: shift_date(getattr(row, name), years) for name in setting.shifted_dates}
            )
            setting.model.objects.create(cohort=new_cohort, **values)
            count += 1
        copied[setting.model._meta.label] = count
    return copied
