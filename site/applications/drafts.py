"""Drafts and uploads kept server-side, so nothing an applicant entered is ever lost.

A :class:`Draft` holds the raw answers of an unfinished form behind a secret token (sent by
email). An :class:`Upload` is a file that passed the PDF checks: pending (held by its secret
token while the rest of the form is fixed), attached to a draft, submitted (waiting for the
worker, :mod:`applications.received`), or attached to an application.
Files live in ``STORAGES["private"]`` under generated names and are served only by a view
that checks who asks.
"""

from __future__ import annotations

import secrets
import uuid

from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(32)


def private_storage():
    return storages["private"]


def upload_path(instance: Upload, filename: str) -> str:
    # Never the applicant's file name: it could collide, leak, or traverse.
    return f"uploads/{timezone.now():%Y/%m}/{uuid.uuid4().hex}.pdf"


class Draft(models.Model):
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    form_page = models.ForeignKey(
        "applications.ApplicationFormPage", on_delete=models.CASCADE, related_name="drafts"
    )
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(_("language"), max_length=10)
    data = models.JSONField(_("answers so far"), default=dict)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    #: Set when the draft became an application: its answers are emptied, but the emailed
    #: link still says "sent" (and points to the portal) until the draft is purged.
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")

    def __str__(self) -> str:
        return f"{self.email or '?'} – {self.form_page_id}"


class Upload(models.Model):
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    field_key = models.CharField(max_length=50)
    file = models.FileField(storage=private_storage, upload_to=upload_path, max_length=200)
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    draft = models.ForeignKey(
        Draft, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads"
    )
    application = models.ForeignKey(
        "applications.Application",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="uploads",
    )
    #: Submitted, the worker has not made the application yet: no form may claim it again,
    #: and the pending-upload purge leaves it.
    received = models.ForeignKey(
        "applications.ReceivedSubmission",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploads",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("upload")
        verbose_name_plural = _("uploads")

    def __str__(self) -> str:
        return self.original_name
