"""From an agreement to the :class:`~workflows.agreements.pdf.Document` the renderer prints.

The issued document is the frozen text in the parties' languages; the final document adds the
certificate of completion (every signing event, in both languages). Labels are translated here,
per language, whatever language the task runs in.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from workflows.agreements import pdf
from workflows.agreements.drafting import party_language
from workflows.roles import ROLE_LABELS


def labels(language: str) -> dict[str, str]:
    with translation.override(language):
        return {
            "page": _("Page"),
            "verify": _("Verify"),
            "reference": _("Reference"),
            "issued": _("Issued"),
            "mentee": _("Mentee"),
            "mentor": _("Mentor"),
            "subject": _("Mentoring agreement of the careerSTEPS programme"),
            "certificate_title": _("Certificate of completion"),
            "certificate_intro": _(
                "Everyone below signed the agreement above by typing their full name after "
                "reading the PDF whose SHA-256 is shown. The programme sealed this document; "
                "any change to it breaks the seal."
            ),
            "issued_sha256": _("SHA-256 of the issued agreement"),
            "role": _("Role"),
            "name": _("Name typed"),
            "signed_at": _("Signed at (UTC)"),
            "method": _("Signed in by"),
            "sha256": _("SHA-256 signed"),
        }


def title(language: str) -> str:
    with translation.override(language):
        return _("Mentoring agreement")


def verify_url(agreement: Any) -> str:
    path = reverse("agreements_short_verify", args=[agreement.verification_code])
    return f"{settings.SITE_URL}{path}"


def _party(application: Any, role: str) -> pdf.Party:
    profile = getattr(application, "profile", None)
    return pdf.Party(
        role=role,
        name=application.person.full_name,
        institution=str(profile.institution.name) if profile is not None else "",
        email=application.person.email,
        language=party_language(application),
    )


def _texts(agreement: Any, text: dict) -> tuple[pdf.LanguageText, ...]:
    return tuple(
        pdf.LanguageText(
            language=language,
            title=title(language),
            clauses=tuple(pdf.Clause(c["heading"], c["body"]) for c in text[language]),
            labels=labels(language),
        )
        for language in agreement.languages
    )


def _signing_line(agreement: Any, event: Any) -> pdf.SigningLine:
    role_labels, method_labels = [], []
    for language in agreement.languages:
        with translation.override(language):
            role_labels.append(str(ROLE_LABELS.get(event.role, event.role)))
            method_labels.append(str(type(event).Method(event.method).label))
    return pdf.SigningLine(
        role_key=event.role,
        role=tuple(role_labels),
        name=event.typed_name,
        signed_at=event.signed_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
        ip=event.ip_address or "",
        method_key=event.method,
        method=tuple(method_labels),
        pdf_sha256=event.pdf_sha256,
    )


def document(agreement: Any, *, final: bool = False) -> pdf.Document:
    """The issued agreement, or (``final``) the issued agreement plus its certificate page."""
    match = agreement.match
    url = verify_url(agreement)
    events = ()
    if final:
        events = tuple(
            _signing_line(agreement, e) for e in agreement.signatures.order_by("signed_at", "pk")
        )
    return pdf.Document(
        reference=agreement.reference,
        issued_at=agreement.issued_at,
        texts=_texts(agreement, agreement.issued_text),
        mentee=_party(match.mentee_application, "mentee"),
        mentor=_party(match.mentor_application, "mentor"),
        verify_url=url,
        qr_svg=pdf.qr_svg(url),
        issued_sha256=agreement.issued_sha256 if final else "",
        events=events,
    )
