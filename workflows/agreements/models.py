"""Agreement templates, per-cohort settings, agreements, change proposals and signing events.

* :class:`AgreementTemplate`: editors' clauses (a StreamField with ``{{ placeholders }}``),
  translated with wagtail-localize, versioned by Wagtail revisions.
* :class:`AgreementSettings`: per cohort, which template and in which order people sign.
* :class:`Agreement`: one version of one match's agreement on the AGREEMENT lifecycle. The
  draft text is tailored per language; issuing freezes it; the issued PDF and the sealed PDF
  are stored with their SHA-256 and never change (a change is a new, linked version).
* :class:`ChangeProposal`: a party asks for a change to the draft.
* :class:`SigningEvent`: append-only evidence of one signature (one per role and version).
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import RevisionMixin, TranslatableMixin

from workflows.agreements.lifecycle import AGREEMENT, OPEN
from workflows.roles import COORDINATOR, MENTEE, MENTOR

ROLE_CHOICES = [(MENTEE, _("mentee")), (MENTOR, _("mentor")), (COORDINATOR, _("coordinator"))]

#: Signing orders a cohort may choose; keys are identifiers (comma-separated role keys).
ORDER_MENTEE_FIRST = "mentee,mentor,coordinator"
ORDER_MENTOR_FIRST = "mentor,mentee,coordinator"
ORDER_PARTIES_ONLY = "mentee,mentor"
SIGNING_ORDER_CHOICES = [
    (ORDER_MENTEE_FIRST, _("Mentee, mentor, then the coordinator countersigns")),
    (ORDER_MENTOR_FIRST, _("Mentor, mentee, then the coordinator countersigns")),
    (ORDER_PARTIES_ONLY, _("Mentee, then mentor (no countersignature)")),
]


class ClauseBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    body = blocks.TextBlock(
        label=_("Text"),
        help_text=_(
            "Plain text; a blank line starts a new paragraph. Placeholders such as "
            "{{ mentee_name }} are filled in for each pair."
        ),
    )

    class Meta:
        icon = "doc-full"
        label = _("Clause")


class AgreementTemplate(TranslatableMixin, RevisionMixin, models.Model):
    title = models.CharField(_("title"), max_length=200)
    clauses = StreamField([("clause", ClauseBlock())], verbose_name=_("clauses"))

    panels = [FieldPanel("title"), FieldPanel("clauses")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agreement template")
        verbose_name_plural = _("agreement templates")

    def __str__(self) -> str:
        return self.title


def default_signing_order() -> str:
    return ORDER_MENTEE_FIRST


class AgreementSettings(models.Model):
    """Per cohort (the cohort's source page, as applications and matches reference it)."""

    cohort = models.OneToOneField(
        "cohorts.CohortPage",
        verbose_name=_("cohort"),
        on_delete=models.CASCADE,
        related_name="agreement_settings",
    )
    template = models.ForeignKey(
        AgreementTemplate,
        verbose_name=_("agreement template"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    signing_order = models.CharField(
        _("signing order"),
        max_length=60,
        choices=SIGNING_ORDER_CHOICES,
        default=default_signing_order,
    )
    consent_version = models.CharField(
        _("consent text version"),
        max_length=30,
        default="2023-1",
        help_text=_("Recorded with every signature; change it when the consent text changes."),
    )

    class Meta:
        verbose_name = _("agreement settings")
        verbose_name_plural = _("agreement settings")

    def __str__(self) -> str:
        return str(self.cohort)


def new_verification_code() -> str:
    """A short, unguessable code printed on every page (the verification URL)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(10))


class Agreement(models.Model):
    match = models.ForeignKey(
        "matching.Match",
        verbose_name=_("match"),
        on_delete=models.PROTECT,
        related_name="agreements",
    )
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    previous_version = models.OneToOneField(
        "self",
        verbose_name=_("previous version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="next_version",
    )
    state = models.CharField(
        _("state"),
        max_length=30,
        choices=AGREEMENT.state_choices(),
        default=AGREEMENT.initial,
        db_index=True,
    )
    state_changed_at = models.DateTimeField(_("state changed at"), auto_now_add=True)
    languages = models.JSONField(
        _("languages"), default=list, help_text=_("The mentee's language first, then the mentor's.")
    )
    template = models.ForeignKey(
        AgreementTemplate,
        verbose_name=_("template"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    template_revision = models.PositiveIntegerField(_("template revision"), null=True, blank=True)
    draft_text = models.JSONField(
        _("draft text"), default=dict, blank=True, help_text=_("Clauses by language.")
    )
    issued_text = models.JSONField(_("issued text"), default=dict, blank=True)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    signing_order = models.CharField(_("signing order"), max_length=60, blank=True)
    consent_version = models.CharField(_("consent text version"), max_length=30, blank=True)
    issued_pdf = models.BinaryField(_("issued PDF"), null=True, blank=True, editable=False)
    issued_sha256 = models.CharField(_("issued PDF SHA-256"), max_length=64, blank=True)
    sealed_pdf = models.BinaryField(_("sealed PDF"), null=True, blank=True, editable=False)
    sealed_sha256 = models.CharField(
        _("sealed PDF SHA-256"), max_length=64, blank=True, db_index=True
    )
    sealed_at = models.DateTimeField(_("sealed at"), null=True, blank=True)
    verification_code = models.CharField(
        _("verification code"), max_length=16, unique=True, default=new_verification_code
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["match", "version"], name="one_agreement_version"),
            models.UniqueConstraint(
                fields=["match"],
                condition=models.Q(state__in=OPEN),
                name="one_open_agreement_per_match",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.match} v{self.version}"

    @property
    def reference(self) -> str:
        return f"CS-{self.match_id:04d}-v{self.version}"

    @property
    def order(self) -> list[str]:
        return [role for role in self.signing_order.split(",") if role]

    def notification_recipients(self, entry) -> list:
        from workflows.agreements.notifications import agreement_recipients

        return agreement_recipients(self, entry)


class ChangeProposal(models.Model):
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="change_proposals",
    )
    role = models.CharField(_("proposed by"), max_length=20, choices=ROLE_CHOICES)
    person = models.ForeignKey(
        "applications.Person", on_delete=models.PROTECT, related_name="+", null=True
    )
    text = models.TextField(_("proposed change"))
    reason = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("change proposal")
        verbose_name_plural = _("change proposals")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.agreement} – {self.role}"


class SigningEvent(models.Model):
    """One signature: written once, never changed or deleted (the evidence)."""

    class Method(models.TextChoices):
        PORTAL_LINK = "portal_link", _("emailed sign-in link (portal)")
        STAFF_LOGIN = "staff_login", _("staff account (password)")
        REPLAY = "replay", _("recorded in the pilot (replayed)")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.PROTECT, related_name="signatures"
    )
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES)
    person = models.ForeignKey(
        "applications.Person", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    typed_name = models.CharField(_("typed full name"), max_length=200)
    signed_at = models.DateTimeField(_("signed at (UTC)"))
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=400, blank=True)
    method = models.CharField(_("how the person signed in"), max_length=20, choices=Method.choices)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF signed"), max_length=64)
    consent_version = models.CharField(_("consent text version"), max_length=30)

    class Meta:
        verbose_name = _("signing event")
        verbose_name_plural = _("signing events")
        ordering = ["signed_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "role"], name="one_signature_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.agreement} – {self.role} – {self.typed_name}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Signing events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Signing events are append-only.")
