"""Applicants and their applications.

A :class:`Person` is one human, identified by a normalised email address; an
:class:`Application` is their request to join one cohort in one role. Its ``state`` is driven
by the application lifecycle in :mod:`workflows.lifecycles.application`.
"""

import re
import unicodedata
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.lifecycles.application import APPLICATION

#: ``workflows.review.models.ReviewAssignment.Status.RECUSED``: the review app sits above this
#: one (tests/workflows/test_access_layer.py holds the two equal).
RECUSED_ASSIGNMENT = "recused"

#: Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt): invisible
#: characters (soft hyphen, zero-width space and joiners, bidi controls, variation selectors,
#: tags...) that a mail system drops or that render as nothing.
_DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


def _normalise_domain(domain: str) -> str:
    """The domain as IDNA (UTS #46) sees it, in its Unicode form: "XN--MLLER-KVA.de",
    "müller.de" and "ｍüller.de" are one domain."""
    import idna

    try:
        return idna.decode(idna.encode(domain, uts46=True)).casefold()
    except (idna.IDNAError, UnicodeError, ValueError):
        return domain.casefold()


def normalise_email(email: str) -> str:
    """The one identity of an address: the same mailbox gives the same string.

    NFKC (full-width and compatibility letters become plain ones), invisible default-ignorable
    code points removed (a zero-width space or soft hyphen never reaches a mailbox), case-folded,
    and the domain IDNA-normalised; so "Jürgen@X.de", "ju\u0308rgen@x.de",
    "jürgen@ｘ.de" and "jürgen@x\u00ad.de" are one person.
    """
    text = _DEFAULT_IGNORABLE.sub("", unicodedata.normalize("NFKC", email.strip()))
    local, at, domain = text.rpartition("@")
    if not at:
        return unicodedata.normalize("NFC", text).casefold()
    local = unicodedata.normalize("NFC", local).casefold()
    return f"{local}@{_normalise_domain(domain)}"


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
    #: Not in Wagtail's reference index. An application's references (its cohort and form
    #: pages, its person) would only list it in those pages' "Usage" views, where every one of
    #: thousands shows as "(Private application)" (the read-only listing has no edit view);
    #: coordinators find a cohort's applications in the applications listing instead. Indexing
    #: each new application ran Wagtail's index task inside the submission (five queries).
    #: Migration 0005 removes the rows indexed before.
    wagtail_reference_index_ignore = True

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
    #: When the applicant sent it (the worker may create the row a moment later).
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now, editable=False)
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

    def is_reviewed_by(self, user: Any) -> bool:
        """Whether ``user`` holds a review assignment for this application that they did not
        recuse. Read through the reverse relation: the review app sits above this one."""
        if user is None or not getattr(user, "is_authenticated", False):
            return False
        return (
            self.review_assignments.filter(reviewer=user)
            .exclude(status=RECUSED_ASSIGNMENT)
            .exists()
        )

    def notification_recipients(self, entry: Any) -> list[Any]:
        """Who hears about ``entry`` (a transition of this application): the applicant, in
        their own language (the contract of :mod:`workflows.notifications.recipients`)."""
        from applications.notifications import applicant_recipient

        return [applicant_recipient(self, entry.message)]


# The rest of the app's models live in small modules; importing them here registers them.
from applications.drafts import Draft, Upload  # noqa: E402
from applications.pages import ApplicationFormPage  # noqa: E402
from applications.profiles import ApplicantProfile, AvailabilitySlot, MentoringLanguage  # noqa: E402
from applications.received import ReceivedSubmission  # noqa: E402
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
    "ReceivedSubmission",
    "Upload",
]
