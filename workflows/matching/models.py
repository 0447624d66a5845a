"""Matches, matching runs and the coordinators' and participants' inputs to a run.

* :class:`Match`: one mentee–mentor pair on the MATCH lifecycle (:mod:`.lifecycle`); only the
  engine changes its state. At most one match per mentee application holds it at a time
  (a partial unique constraint), and approving takes the mentor application's row lock, so
  concurrent approvals never push a mentor beyond capacity.
* :class:`MatchingRun`: one execution of the solver for a cohort, with everything needed to
  explain and repeat it (inputs' hash, weights, constraints, result, totals, greedy total).
* :class:`MatchingSettings`: per-cohort weights of the soft criteria and hard-constraint
  switches.
* :class:`PairRule`: a coordinator's lock (must pair), forbid (never pair) or declared conflict.
* :class:`MentorPreference`, :class:`MenteeRanking`: the participants' say (optional).
* :class:`PastPairHash`: pairs of earlier cohorts as a keyed HMAC of both normalised emails, so
  "no repeated pair" needs no personal data after a cohort is purged.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from workflows.matching.keys import DEFAULT_SWITCHES, DEFAULT_WEIGHTS
from workflows.matching.lifecycle import HOLDING, MATCH


def default_weights() -> dict[str, float]:
    return dict(DEFAULT_WEIGHTS)


def default_switches() -> dict[str, bool]:
    return dict(DEFAULT_SWITCHES)


class Match(models.Model):
    cohort = models.ForeignKey(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="matches",
    )
    mentee_application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("mentee's application"),
        on_delete=models.PROTECT,
        related_name="matches_as_mentee",
    )
    mentor_application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("mentor's application"),
        on_delete=models.PROTECT,
        related_name="matches_as_mentor",
    )
    state = models.CharField(
        _("state"),
        max_length=30,
        choices=MATCH.state_choices(),
        default=MATCH.initial,
        db_index=True,
    )
    state_changed_at = models.DateTimeField(_("state changed at"), auto_now_add=True)
    score = models.FloatField(_("score"), default=0.0)
    breakdown = models.JSONField(
        _("score breakdown"),
        default=dict,
        blank=True,
        help_text=_("Per criterion: its raw value (0–1), weight and weighted points."),
    )
    run = models.ForeignKey(
        "matching.MatchingRun",
        verbose_name=_("matching run"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="matches",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    mentee_confirmed_at = models.DateTimeField(
        _("confirmed by the mentee at"), null=True, blank=True
    )
    mentor_confirmed_at = models.DateTimeField(
        _("confirmed by the mentor at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["mentee_application"],
                condition=Q(state__in=HOLDING),
                name="one_holding_match_per_mentee",
            )
        ]

    def __str__(self) -> str:
        return f"{self.mentee_application.person} ↔ {self.mentor_application.person}"

    def notification_recipients(self, entry) -> list:
        from workflows.matching.notifications import match_recipients

        return match_recipients(self, entry)


class MatchingSettings(models.Model):
    cohort = models.OneToOneField(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="matching_settings",
    )
    weights = models.JSONField(_("weights"), default=default_weights)
    switches = models.JSONField(
        _("hard constraints"),
        default=default_switches,
        help_text=_("Which hard constraints apply, by key."),
    )
    participants_say = models.BooleanField(
        _("participants have a say"),
        default=False,
        help_text=_("Mentees rank anonymised mentor profiles; mentors may exclude topics."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("matching settings")
        verbose_name_plural = _("matching settings")

    def __str__(self) -> str:
        return str(self.cohort)


class MatchingRun(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        REFUSED = "refused", _("Refused")
        FAILED = "failed", _("Failed")

    cohort = models.ForeignKey(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="matching_runs",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.QUEUED, db_index=True
    )
    keep_proposals = models.BooleanField(
        _("change only the people affected"),
        default=True,
        help_text=_("Keep the current proposal's pairs unless a change is needed."),
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    progress_note = models.CharField(_("progress"), max_length=200, blank=True)
    inputs_hash = models.CharField(_("inputs' hash"), max_length=64, blank=True)
    weights = models.JSONField(_("weights"), default=dict, blank=True)
    switches = models.JSONField(_("hard constraints"), default=dict, blank=True)
    inputs = models.JSONField(
        _("inputs"), default=dict, blank=True, help_text=_("What the solver saw, to repeat it.")
    )
    result = models.JSONField(_("result"), default=dict, blank=True)
    total_score = models.FloatField(_("total score"), null=True, blank=True)
    greedy_total = models.FloatField(_("greedy total"), null=True, blank=True)
    matched_count = models.PositiveIntegerField(_("mentees matched"), null=True, blank=True)
    refusal = models.TextField(_("reason refused or failed"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("matching run")
        verbose_name_plural = _("matching runs")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.cohort} #{self.pk} ({self.get_state_display()})"


class PairRule(models.Model):
    class Kind(models.TextChoices):
        LOCK = "lock", _("Must pair (lock)")
        FORBID = "forbid", _("Never pair (forbid)")
        CONFLICT = "conflict", _("Conflict of interest")

    cohort = models.ForeignKey(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="matching_rules",
    )
    mentee_application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("mentee's application"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    mentor_application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("mentor's application"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("pair rule")
        verbose_name_plural = _("pair rules")
        constraints = [
            models.UniqueConstraint(
                fields=["mentee_application", "mentor_application"], name="one_rule_per_pair"
            )
        ]

    def __str__(self) -> str:
        pair = f"{self.mentee_application_id}–{self.mentor_application_id}"
        return f"{self.get_kind_display()}: {pair}"


class MentorPreference(models.Model):
    """A mentor's say: a lower capacity than applied for, topics they would rather not mentor."""

    application = models.OneToOneField(
        "applications.Application",
        verbose_name=_("mentor's application"),
        on_delete=models.CASCADE,
        related_name="mentor_preference",
    )
    capacity = models.PositiveSmallIntegerField(_("capacity"), null=True, blank=True)
    excluded_topics = models.JSONField(_("excluded topics"), default=list, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("mentor preference")
        verbose_name_plural = _("mentor preferences")

    def __str__(self) -> str:
        return str(self.application)


class MenteeRanking(models.Model):
    """A mentee's say about one anonymised mentor profile: a rank (1 best, up to 5) or a veto."""

    mentee_application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("mentee's application"),
        on_delete=models.CASCADE,
        related_name="mentor_rankings",
    )
    mentor_application = models.ForeignKey(
        "applications.Application",
        verbose_name=_("mentor's application"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    rank = models.PositiveSmallIntegerField(_("rank"), null=True, blank=True)
    veto = models.BooleanField(_("veto"), default=False)

    class Meta:
        verbose_name = _("mentee ranking")
        verbose_name_plural = _("mentee rankings")
        constraints = [
            models.UniqueConstraint(
                fields=["mentee_application", "mentor_application"], name="one_ranking_per_pair"
            ),
            models.CheckConstraint(
                condition=Q(rank__isnull=True) | Q(rank__gte=1, rank__lte=5),
                name="ranking_rank_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        choice = "veto" if self.veto else self.rank
        return f"{self.mentee_application_id} → {self.mentor_application_id}: {choice}"


class PastPairHash(models.Model):
    """A pair of an earlier cohort, as HMAC-SHA256(secret, sorted normalised emails)."""

    digest = models.CharField(_("digest"), max_length=64, unique=True)
    cohort_key = models.CharField(_("cohort (translation key)"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("past pair (hashed)")
        verbose_name_plural = _("past pairs (hashed)")

    def __str__(self) -> str:
        return self.digest[:12]
