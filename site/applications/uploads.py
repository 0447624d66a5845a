"""Uploaded files of applications: kept privately the moment they pass their checks, found
again when a form is posted back, attached to the application when it is submitted or amended.

The one place that stores or attaches an :class:`~applications.models.Upload`; the PDF checks
themselves are in :mod:`applications.pdf`, who may download one in
:mod:`applications.permissions`.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile

from applications.forms import UPLOAD_SUFFIX
from applications.models import Application, Draft, Upload
from applications.pdf import sha256_of


def keep_upload(uploaded: UploadedFile, key: str, draft: Draft | None = None) -> Upload:
    """Store a file that passed the PDF checks, privately and under a generated name."""
    upload = Upload(
        field_key=key,
        original_name=(uploaded.name or "document.pdf")[:255],
        size=uploaded.size,
        sha256=sha256_of(uploaded),
        draft=draft,
    )
    upload.file.save("upload.pdf", uploaded, save=False)
    upload.save()
    return upload


def pending_uploads(data, draft: Draft | None = None) -> dict[str, Upload]:
    """Files kept earlier for this form: from the draft, then from ``<key>__upload`` tokens
    posted back by the form (only files not yet attached to an application)."""
    found: dict[str, Upload] = {}
    if draft is not None:
        unclaimed = draft.uploads.filter(application__isnull=True, received__isnull=True)
        for upload in unclaimed.order_by("created_at"):
            found[upload.field_key] = upload
    for name in data:
        if name.endswith(UPLOAD_SUFFIX):
            key = name.removesuffix(UPLOAD_SUFFIX)
            upload = Upload.objects.filter(
                token=data.get(name),
                field_key=key,
                application__isnull=True,
                received__isnull=True,
            ).first()
            if upload is not None:
                found[key] = upload
    return found


def keep_valid_uploads(form, draft: Draft | None = None) -> None:
    """After validation, keep every new file that passed its checks, even if other answers
    did not, so the applicant never has to upload it again."""
    cleaned = getattr(form, "cleaned_data", {})
    for key in form.file_keys:
        value = cleaned.get(key)
        if isinstance(value, UploadedFile):
            upload = keep_upload(value, key, draft)
            form.pending_uploads[key] = upload
            cleaned[key] = upload
            form.fields[key].required = False
        elif key in form.pending_uploads:
            form.fields[key].required = False


def attach_uploads(application: Application, uploads: Iterable[Upload]) -> None:
    """Attach kept files to ``application`` (they stop being a draft's or pending)."""
    Upload.objects.filter(pk__in=[upload.pk for upload in uploads]).update(
        application=application, draft=None, received=None
    )
