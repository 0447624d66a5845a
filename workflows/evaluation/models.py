"""Surveys (editors' translatable snippets), their rounds per cohort, invitations, responses.

Confidential by construction: a :class:`SurveyResponse` has no link to a person or an
invitation. The invitation only records *that* someone answered (so nobody answers twice);
what they answered is stored with their role alone.
"""

from __future__ import annotations

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin

from workflows.evaluation.blocks import SurveyBlock


class Survey(TranslatableMixin, models.Model):
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    questions = StreamField(SurveyBlock(), verbose_name=_("questions"))

    panels = [FieldPanel("title"), FieldPanel("introduction"), FieldPanel("questions")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    def in_language(self, language: str) -> Survey:
        """This survey's translation in ``language`` (itself when there is none)."""
        return (
            Survey.objects.filter(
                translation_key=self.translation_key, locale__language_code=language
            ).first()
            or self
        )


class SurveyRound(models.Model):
    """One survey sent to a cohort at one moment of its year."""

    class Moment(models.TextChoices):
        BASELINE = "baseline", _("At the start")
        MIDPOINT = "midpoint", _("At mid-point")
        END = "end", _("At the end")

    class Audience(models.TextChoices):
        ALL = "all", _("Mentees and mentors")
        MENTEES = "mentees", _("Mentees")
        MENTORS = "mentors", _("Mentors")

    cohort = models.ForeignKey(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="survey_rounds",
    )
    survey = models.ForeignKey(
        Survey, verbose_name=_("survey"), on_delete=models.PROTECT, related_name="rounds"
    )
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    audience = models.CharField(
        _("sent to"), max_length=10, choices=Audience.choices, default=Audience.ALL
    )
    send_on = models.DateField(_("send on"))
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    panels = [
        FieldPanel("cohort"),
        FieldPanel("survey"),
        FieldPanel("moment"),
        FieldPanel("audience"),
        FieldPanel("send_on"),
    ]

    class Meta:
        verbose_name = _("survey round")
        verbose_name_plural = _("survey rounds")
        ordering = ["cohort", "send_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "moment", "audience"], name="one_round_per_moment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.cohort} – {self.get_moment_display()}"


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SurveyInvitation(models.Model):
    """Someone asked to answer a round; records that they answered, never what."""

    round = models.ForeignKey(
        SurveyRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="invitations"
    )
    person = models.ForeignKey(
        "applications.Person",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="survey_invitations",
    )
    role = models.CharField(_("role"), max_length=10)
    #: The goals of the respondent's agreement (mentees), copied when invited, rated at the end.
    goals = models.JSONField(_("goals"), default=list, blank=True)
    token = models.CharField(_("secret"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    #: A day, not a time: a time could be matched with a response's order to tell who said what.
    answered_on = models.DateField(_("answered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="one_invitation_per_round")
        ]

    def __str__(self) -> str:
        return f"{self.round} – {self.person}"


class SurveyResponse(models.Model):
    """One anonymous set of answers: keyed by question key, with the respondent's role only."""

    round = models.ForeignKey(
        SurveyRound, verbose_name=_("round"), on_delete=models.CASCADE, related_name="responses"
    )
    role = models.CharField(_("role"), max_length=10)
    language = models.CharField(_("language"), max_length=10)
    answers = models.JSONField(_("answers"), default=dict)
    #: Day only: a finer time could tell who answered by matching it with invitations.
    submitted_on = models.DateField(_("submitted on"))

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self) -> str:
        return f"{self.round} ({self.submitted_on})"
