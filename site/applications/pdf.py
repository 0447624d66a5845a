"""Checking uploaded files by their content: a CV must really be a PDF, and not too large.

The name and the browser's content type are the sender's claims; the bytes are not. A file
passes when it starts with ``%PDF-`` and its page tree can be read and counts at least one
page. An encrypted PDF that opens with the empty password (any algorithm: RC4, AES-128,
AES-256) is a readable CV; one that needs a password is refused as password-protected.

Two readers, because this check runs in every submission's request: pyHanko's reader (already
a dependency, for the agreements' signatures) reads an unencrypted PDF's page tree in about a
third of pypdf's time (0.4 against 1.2 ms of CPU for the demo's CV: pypdf parses every object
of the object stream that holds the catalogue), and most CVs are not encrypted. An encrypted
one goes to pypdf, which opens more of the old algorithms with the empty password (pyHanko
refuses AES-256 revision 5) and refuses an /Encrypt version it does not know; so does one
pyHanko cannot read, which pypdf may repair.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def max_upload_bytes() -> int:
    return int(getattr(settings, "APPLICATIONS_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES))


def validate_pdf(upload: UploadedFile) -> None:
    """Raise a translated :class:`ValidationError` unless ``upload`` is a readable PDF."""
    limit = max_upload_bytes()
    if upload.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). Please upload a PDF of at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="file_too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty_file")
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if b"%PDF-" not in head[:1024] or not head.lstrip().startswith(b"%PDF-"):
        raise ValidationError(
            _("This file is not a PDF. Please upload your document as a PDF file."),
            code="not_pdf",
        )
    try:
        if _page_count(upload) < 1:
            raise ValueError("no pages")
    except ValidationError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure is the file's fault
        # pypdf raises many kinds (NotImplementedError for an unknown /Encrypt version,
        # DependencyError, struct and zlib errors, RecursionError...): never a 500.
        logger.info("Refused an unreadable PDF: %r", error)
        raise ValidationError(
            _("This PDF cannot be read. Please export it again and upload the new file."),
            code="broken_pdf",
        ) from error
    finally:
        upload.seek(0)


def _page_count(upload: UploadedFile) -> int:
    """The pages of ``upload``'s page tree; ValidationError when it needs a password, any
    other exception when it cannot be read.

    pyHanko reads an unencrypted file; anything it cannot read (an encrypted file, or one
    it finds damaged: pypdf repairs more, such as a broken cross-reference table) goes to
    pypdf, so no file is refused that pypdf alone would accept."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(upload, strict=False)
        if not reader.encrypted:
            pages = reader.root["/Pages"]
            count = int(pages["/Count"])
            if count >= 1 and hasattr(pages["/Kids"][0], "keys"):
                return count
    except Exception:  # noqa: BLE001,S110 - pypdf decides below
        pass
    upload.seek(0)
    return _pypdf_page_count(upload)


def _pypdf_page_count(upload: UploadedFile) -> int:
    from pypdf import PdfReader

    reader = PdfReader(upload, strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValidationError(
            _("This PDF is password-protected. Please upload it without a password."),
            code="encrypted_pdf",
        )
    return len(reader.pages)


def sha256_of(upload: UploadedFile) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()
