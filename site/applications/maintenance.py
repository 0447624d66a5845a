"""Housekeeping: forget drafts nobody came back to, and files nobody submitted.

Drafts and pending uploads hold personal data that never became an application; keeping them
forever would contradict the privacy notice. Safe to run twice (it only deletes).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from applications.models import Draft, Upload


def draft_lifetime() -> timedelta:
    return timedelta(days=int(getattr(settings, "APPLICATIONS_DRAFT_DAYS", 90)))


def pending_upload_lifetime() -> timedelta:
    """How long a file of a refused or invalid submission (kept so the applicant need not
    upload it again) outlives the attempt: an hour by default, purged every 15 minutes."""
    return timedelta(minutes=int(getattr(settings, "APPLICATIONS_PENDING_UPLOAD_MINUTES", 60)))


def purge_stale_drafts(now: datetime | None = None) -> dict[str, int]:
    """Delete drafts untouched for ``APPLICATIONS_DRAFT_DAYS`` and uploads that belong to no
    draft or application after ``APPLICATIONS_PENDING_UPLOAD_MINUTES``, files included; never
    the files of a submission still waiting for the worker."""
    now = now or timezone.now()
    stale_drafts = Draft.objects.filter(updated_at__lt=now - draft_lifetime())
    stale_uploads = (
        Upload.objects.filter(application__isnull=True)
        .filter(
            Q(draft__in=stale_drafts)
            | Q(draft__isnull=True, created_at__lt=now - pending_upload_lifetime())
        )
        .filter(received__isnull=True)  # submitted: the worker has not attached them yet
    )
    uploads = 0
    for upload in stale_uploads:
        upload.file.delete(save=False)
        upload.delete()
        uploads += 1
    drafts, _by_model = stale_drafts.delete()
    return {"drafts": drafts, "uploads": uploads}
