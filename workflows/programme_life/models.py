"""The programme year's data: meetings, event registrations, calendar feeds, per-cohort settings.

Kept as rows, not text, so that reports for funders (meetings held, event attendance) are
queries (ROADMAP 3). A tandem is a confirmed :class:`workflows.matching.models.Match`.
"""

from __future__ import annotations

import secrets
import zoneinfo
from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.programme_life.lifecycle import MEETING


class Meeting(models.Model):
    """A planned or held meeting of a tandem, written by its mentee or mentor."""

    class Mode(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person at a partner university")
        ELSEWHERE = "elsewhere", _("In person elsewhere")

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Mentoring meeting")
        WORKSHOP = "workshop", _("Workshop")
        CONFERENCE = "conference", _("Conference")
        LAB_VISIT = "lab_visit", _("Lab visit")
        COMPANY_VISIT = "company_visit", _("Company visit")
        DOCTORAL_MEETING = "doctoral_meeting", _("Meeting with doctoral students")

    class Visibility(models.TextChoices):
        SHARED = "shared", _("Shared with my partner")
        PRIVATE = "private", _("Only me")

    match = models.ForeignKey(
        "matching.Match",
        verbose_name=_("tandem"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    author = models.ForeignKey(
        "applications.Person",
        verbose_name=_("written by"),
        on_delete=models.CASCADE,
        related_name="meetings_written",
    )
    state = models.CharField(
        _("state"), max_length=20, choices=MEETING.state_choices(), default=MEETING.initial
    )
    state_changed_at = models.DateTimeField(_("state changed at"), auto_now_add=True)
    starts_at = models.DateTimeField(_("starts at"))
    timezone = models.CharField(_("time zone"), max_length=64, default="Europe/Prague")
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=60)
    mode = models.CharField(_("where"), max_length=20, choices=Mode.choices)
    institution = models.ForeignKey(
        "institutions.Institution",
        verbose_name=_("university"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MEETING)
    visibility = models.CharField(
        _("who sees it"), max_length=10, choices=Visibility.choices, default=Visibility.SHARED
    )
    notes = models.TextField(_("notes"), blank=True)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("programme event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Set when the meeting is the tandem's attendance of a programme event."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        constraints = [
            # An attended event appears once per tandem however often attendance is marked.
            models.UniqueConstraint(
                fields=["match", "event"], condition=Q(event__isnull=False), name="one_event_entry"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%Y-%m-%d}"

    @property
    def is_shared(self) -> bool:
        return self.visibility == self.Visibility.SHARED

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    @property
    def local_starts_at(self):
        return timezone.localtime(self.starts_at, zoneinfo.ZoneInfo(self.timezone))

    def match_person_ids(self) -> set[int]:
        return {
            self.match.mentee_application.person_id,
            self.match.mentor_application.person_id,
        }

    def notification_recipients(self, entry) -> list:
        return []  # meetings change without emails; reminders are scheduled (see tasks)


class EventSignup(models.Model):
    """Registration settings of one programme event (its source-language page)."""

    event = models.OneToOneField(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="signup",
    )
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty means no limit.")
    )
    is_open = models.BooleanField(_("registration open"), default=True)

    class Meta:
        verbose_name = _("event registration settings")
        verbose_name_plural = _("event registration settings")

    def __str__(self) -> str:
        return str(self.event)


class EventRegistration(models.Model):
    """One participant's place (or place in the queue) at a programme event."""

    class State(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    signup = models.ForeignKey(
        EventSignup,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    person = models.ForeignKey(
        "applications.Person",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    state = models.CharField(_("state"), max_length=20, choices=State.choices)
    #: Order of arrival; the waiting list moves up in this order.
    queued_at = models.DateTimeField(_("registered at"), default=timezone.now)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["signup", "person"], name="one_registration_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.signup}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A participant's personal iCal feed: its secret URL is the only key, renewable."""

    person = models.OneToOneField(
        "applications.Person",
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    token = models.CharField(_("secret"), max_length=64, unique=True, default=new_feed_token)
    renewed_at = models.DateTimeField(_("renewed at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self) -> str:
        return str(self.person)


class ProgrammeSettings(models.Model):
    """Per-cohort settings of the programme year."""

    cohort = models.OneToOneField(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="programme_settings",
    )
    nudge_after_weeks = models.PositiveSmallIntegerField(
        _("nudge tandems after weeks without a meeting"), default=4
    )
    remind_hours_before = models.PositiveSmallIntegerField(
        _("remind participants hours before a meeting or event"), default=24
    )

    class Meta:
        verbose_name = _("programme settings")
        verbose_name_plural = _("programme settings")

    def __str__(self) -> str:
        return str(self.cohort)

    @classmethod
    def for_cohort(cls, cohort) -> ProgrammeSettings:
        """The cohort's settings, or unsaved defaults (no row is needed to run a cohort)."""
        return cls.objects.filter(cohort=cohort).first() or cls(cohort=cohort)
