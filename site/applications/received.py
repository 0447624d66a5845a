"""A submission as it arrived: stored in one write, turned into an application by the worker.

Submitting the form does only what the applicant must hear about at once: the answers are
checked (fields, files, the cohort's window and institutions) and, when they pass, stored here
with their files (``Upload.received``) in one transaction together with the queued task that
accepts them (:func:`applications.acceptance.accept_received`). The worker then creates the
person, the application with its typed profile, the consent, the first history entry and the
confirmation email, and deletes this row in the same transaction. A request therefore makes
9 queries and one write instead of 41 queries in four writes (``manage.py bench --only http``:
80–107 submissions a second on two cores and SQLite, 30–37 before; 180–200 once the CV check
and the snapshot got cheaper, README "Submissions, the round after").

Nothing is lost when the worker is down or its task is lost: the row stays until it is
accepted, and a schedule accepts whatever has waited too long (``accept_waiting``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReceivedSubmission(models.Model):
    """Answers that passed every check, waiting for the worker to become an application."""

    cohort = models.ForeignKey(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=10)
    form_page = models.ForeignKey(
        "applications.ApplicationFormPage",
        verbose_name=_("form answered"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    #: The form page's language (the application's ``language``).
    language = models.CharField(_("language"), max_length=10)
    #: ``answers_as_json`` of the validated form: files as references to their upload.
    answers = models.JSONField(_("answers"), default=dict)
    #: The privacy notice version the form showed (its hidden field), for the consent record.
    privacy_notice_version = models.CharField(max_length=50, blank=True)
    form_snapshot = models.JSONField(_("form as answered"), default=dict)
    draft = models.ForeignKey(
        "applications.Draft", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    #: Who sent it, for the application's first history entry (as ``Actor.from_request``).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ip = models.GenericIPAddressField(null=True)
    user_agent = models.CharField(max_length=500, blank=True)
    received_at = models.DateTimeField(_("received at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("received submission")
        verbose_name_plural = _("received submissions")

    def __str__(self) -> str:
        return f"{self.answers.get('email', '?')} – {self.role} ({self.received_at:%Y-%m-%d %H:%M})"
