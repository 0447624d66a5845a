"""Review: who reviews which application, with what rubric, and what they concluded.

* Cohort scope (``CohortRole``) lives in :mod:`workflows.access`, below every domain app.
* :class:`ReviewAssignment` links one reviewer to one application, with a due date. A reviewer
  who declares a conflict of interest is *recused* (the row stays, for the audit) and replaced.
* :class:`Rubric` / :class:`Criterion` are translatable snippets: weighted criteria scored 1-5.
* :class:`Review` is the filled-in rubric; :class:`Score` snapshots each criterion's label and
  weight, so later edits to the rubric never change a submitted review's average.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin

from applications.models import Application


class ReviewAssignmentQuerySet(models.QuerySet):
    def active(self) -> ReviewAssignmentQuerySet:
        """Assignments that still count: not recused (open or done)."""
        return self.exclude(status=ReviewAssignment.Status.RECUSED)

    def open(self) -> ReviewAssignmentQuerySet:
        return self.filter(status=ReviewAssignment.Status.ASSIGNED)


class ReviewAssignment(models.Model):
    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("To review")
        SUBMITTED = "submitted", _("Reviewed")
        RECUSED = "recused", _("Conflict of interest")

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="review_assignments",
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="review_assignments",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ASSIGNED, db_index=True
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), auto_now_add=True)
    conflict_reason = models.TextField(_("conflict of interest"), blank=True)
    recused_at = models.DateTimeField(_("recused at"), null=True, blank=True)

    objects = ReviewAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        ordering = ["due_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="one_assignment_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.application}"


class Rubric(TranslatableMixin, ClusterableModel):
    """The questions reviewers answer for one applicant role; editable and translatable."""

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("applicant role"), max_length=10, choices=Application.Role.choices)
    introduction = models.TextField(_("introduction"), blank=True)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Reviewers fill in the active rubric of the role.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("introduction"),
        FieldPanel("is_active"),
        InlinePanel("criteria", label=_("criteria"), min_num=1),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")

    def __str__(self) -> str:
        return self.name


class Criterion(TranslatableMixin, Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    label = models.CharField(_("criterion"), max_length=200)
    help_text = models.TextField(_("guidance"), blank=True)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("1"),
        validators=[MinValueValidator(Decimal("0.01"))],
    )

    panels = [FieldPanel("label"), FieldPanel("help_text"), FieldPanel("weight")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.label


class Review(models.Model):
    class Recommendation(models.TextChoices):
        ACCEPT = "accept", _("Accept")
        WAITLIST = "waitlist", _("Waiting list")
        REJECT = "reject", _("Reject")
        CHANGES = "request_changes", _("Ask for changes")

    assignment = models.OneToOneField(
        ReviewAssignment,
        verbose_name=_("assignment"),
        on_delete=models.CASCADE,
        related_name="review",
    )
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recommendation = models.CharField(
        _("recommendation"), max_length=20, choices=Recommendation.choices
    )
    comment = models.TextField(_("comment"), blank=True)
    weighted_score = models.DecimalField(
        _("weighted score"), max_digits=4, decimal_places=2, null=True, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self) -> str:
        return str(self.assignment)


class Score(models.Model):
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, null=True, on_delete=models.SET_NULL, related_name="+")
    label = models.CharField(_("criterion"), max_length=200)
    weight = models.DecimalField(_("weight"), max_digits=5, decimal_places=2)
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="score_between_1_and_5"
            )
        ]

    def __str__(self) -> str:
        return f"{self.label}: {self.score}"


class ReviewerProfile(models.Model):
    """What automatic assignment knows about a reviewer: their disciplines and how much they
    take on. A reviewer without a profile reviews any discipline, without a limit."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.CASCADE,
        related_name="reviewer_profile",
    )
    disciplines = models.ManyToManyField(
        "applications.Discipline",
        verbose_name=_("disciplines"),
        blank=True,
        related_name="+",
        help_text=_("Automatic assignment prefers reviewers who share a discipline."),
    )
    max_open_reviews = models.PositiveSmallIntegerField(
        _("maximum open reviews"),
        null=True,
        blank=True,
        help_text=_("Automatic assignment skips this reviewer at this many open reviews."),
    )

    panels = [FieldPanel("user"), FieldPanel("disciplines"), FieldPanel("max_open_reviews")]

    class Meta:
        verbose_name = _("reviewer profile")
        verbose_name_plural = _("reviewer profiles")

    def __str__(self) -> str:
        return str(self.user)

    def discipline_set(self) -> set[str]:
        """The stable keys of the reviewer's disciplines (the same in every language)."""
        return {d.key for d in self.disciplines.all()}


# A reviewer's unfinished review lives in its own small module; importing it registers it.
from workflows.review.drafts import ReviewDraft  # noqa: E402, F401
