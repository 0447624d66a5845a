"""The email outbox: every email is a row first, sent by a django-q2 task afterwards.

The row is written in the transaction that decided to send it (so a rolled-back decision sends
nothing), keyed so the same email is never queued twice, and claimed with a compare-and-set
before sending so a task that runs twice sends it once.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.models import TranslatableMixin

from workflows.notifications.catalogue import email_choices, placeholders_help


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    #: Identifies what this email is about, e.g. "application-submitted:42"; unique, so queuing
    #: the same email again returns the existing row.
    key = models.CharField(_("key"), max_length=200, unique=True)
    template = models.CharField(_("template"), max_length=100)
    to = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=10)
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("email")
        verbose_name_plural = _("emails")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.to}: {self.subject}"


class EmailTemplate(TranslatableMixin, models.Model):
    """An editor's version of one email, per language (translated with wagtail-localize).

    ``key`` is the stable name the code sends (e.g. ``application.accept``); subject and body
    use ``{{ placeholder }}`` names listed in :data:`workflows.notifications.catalogue.EMAILS`.
    Without a row in the recipient's language the built-in, gettext-translated file template is
    used, so deleting a row is always safe.
    """

    key = models.CharField(
        _("email"),
        max_length=100,
        choices=email_choices,
        help_text=_("Which email this text replaces."),
    )
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(
        _("body"),
        help_text=_(
            "Plain text. Placeholders in double curly braces, e.g. {{ name }}, are filled in "
            "when the email is sent."
        ),
    )

    panels = [
        FieldPanel("key"),
        FieldPanel("subject"),
        FieldPanel("body"),
        HelpPanel(content=placeholders_help, heading=_("Placeholders")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("email template")
        verbose_name_plural = _("email templates")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="one_email_template_per_locale")
        ]

    def __str__(self) -> str:
        return f"{self.get_key_display()} ({self.locale.language_code})"
