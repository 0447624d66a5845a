"""Agreement services: each is one transaction that changes state through the engine.

Views parse and call these; tasks render and seal. Every refusal raises
:class:`~workflows.engine.engine.TransitionRefused` with a translated reason for the person.
"""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workflows.agreements import drafting, permissions
from workflows.agreements.lifecycle import AGREEMENT, DRAFT, OPEN, SIGNED
from workflows.agreements.models import (
    Agreement,
    AgreementSettings,
    ChangeProposal,
    SigningEvent,
)
from workflows.engine.actors import Actor
from workflows.engine.engine import (
    TransitionConflict,
    TransitionRefused,
    apply_transition,
    record_start,
)
from workflows.matching.lifecycle import CONFIRMED


def settings_for(cohort: Any) -> AgreementSettings:
    settings, _created = AgreementSettings.objects.get_or_create(cohort=cohort)
    return settings


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _same_name(typed: str, full_name: str) -> bool:
    def norm(value: str) -> str:
        return " ".join(unicodedata.normalize("NFC", value).split()).casefold()

    return bool(typed.strip()) and norm(typed) == norm(full_name)


def create_draft(match: Any, actor: Actor, *, occurred_at: datetime | None = None) -> Agreement:
    """The first version of a confirmed match's agreement, tailored to the pair."""
    if match.state != CONFIRMED:
        raise TransitionRefused(_("An agreement is drafted only for a confirmed match."))
    settings = settings_for(match.cohort)
    with transaction.atomic():
        if Agreement.objects.filter(match=match, state__in=OPEN).exists():
            raise TransitionRefused(_("This pair already has an agreement in progress."))
        agreement = Agreement.objects.create(
            match=match,
            version=1 + Agreement.objects.filter(match=match).count(),
            languages=drafting.languages_for(match),
            template=settings.template,
            template_revision=getattr(settings.template, "latest_revision_id", None),
            draft_text=drafting.draft_text(match, settings.template),
            signing_order=settings.signing_order,
            consent_version=settings.consent_version,
        )
        record_start(AGREEMENT, agreement, actor, occurred_at=occurred_at)
    return agreement


def update_draft(agreement: Agreement, text: dict[str, list[dict[str, str]]]) -> None:
    """Replace the draft text (coordinators, while it is a draft)."""
    if set(text) != set(agreement.languages):
        raise TransitionRefused(_("The text must be given in the parties' languages."))
    updated = Agreement.objects.filter(pk=agreement.pk, state=DRAFT).update(draft_text=text)
    if not updated:
        raise TransitionRefused(_("Only a draft can be changed."))
    agreement.draft_text = text


def propose_change(agreement: Agreement, role: str, person: Any, text: str, reason: str):
    allowed, refusal = permissions.can_propose_change(agreement)
    if not allowed:
        raise TransitionRefused(refusal)
    if not text.strip():
        raise TransitionRefused(_("Please describe the change you propose."))
    return ChangeProposal.objects.create(
        agreement=agreement, role=role, person=person, text=text.strip(), reason=reason.strip()
    )


def issue(agreement: Agreement, actor: Actor, *, occurred_at: datetime | None = None, **kwargs):
    """Freeze the draft as the issued text; the PDF is rendered by the ``render_pdf`` effect."""
    allowed, refusal = permissions.can_issue(agreement)
    if not allowed:
        raise TransitionRefused(refusal)
    settings = settings_for(agreement.match.cohort)
    when = occurred_at or timezone.now()
    with transaction.atomic():
        Agreement.objects.filter(pk=agreement.pk, state=DRAFT).update(
            issued_text=agreement.draft_text,
            issued_at=when.replace(microsecond=0),
            signing_order=settings.signing_order,
            consent_version=settings.consent_version,
            issued_pdf=None,
            issued_sha256="",
        )
        agreement.refresh_from_db()
        return apply_transition(
            AGREEMENT, agreement, "issue", actor, occurred_at=occurred_at, **kwargs
        )


def revise(agreement: Agreement, actor: Actor, comment: str):
    """Take an issued version nobody has signed back to draft."""
    if agreement.signatures.exists():
        raise TransitionRefused(_("Someone has signed already: void it instead."))
    with transaction.atomic():
        entry = apply_transition(AGREEMENT, agreement, "revise", actor, comment=comment)
        Agreement.objects.filter(pk=agreement.pk).update(issued_pdf=None, issued_sha256="")
    agreement.refresh_from_db()
    return entry


def sign(
    agreement: Agreement,
    role: str,
    actor: Actor,
    *,
    typed_name: str,
    shown_sha256: str,
    method: str,
    occurred_at: datetime | None = None,
    **kwargs,
) -> SigningEvent:
    """Record one signature and move the lifecycle on; the last one triggers the seal.

    The agreement row is locked for the check and the insert; the unique (agreement, role)
    constraint makes a second, simultaneous request fail instead of signing twice.
    """
    expected = actor.person.full_name if actor.person is not None else ""
    if role == "coordinator" and actor.user is not None:
        expected = actor.user.get_full_name() or typed_name
    if not typed_name.strip():
        raise TransitionRefused(_("Please type your full name to sign."))
    if not _same_name(typed_name, expected):
        raise TransitionRefused(
            _("Please type your full name exactly as it appears in the agreement.")
        )
    try:
        with transaction.atomic():
            locked = Agreement.objects.select_for_update().get(pk=agreement.pk)
            allowed, refusal = permissions.can_sign(locked, role, shown_sha256)
            if not allowed:
                raise TransitionRefused(refusal)
            event = SigningEvent.objects.create(
                agreement=locked,
                role=role,
                person=actor.person,
                user=actor.user,
                typed_name=" ".join(typed_name.split()),
                signed_at=(occurred_at or timezone.now()),
                ip_address=actor.ip,
                user_agent=(actor.user_agent or "")[:400],
                method=method,
                pdf_sha256=shown_sha256,
                consent_version=locked.consent_version,
            )
            last = not permissions.still_to_sign(locked)
            apply_transition(
                AGREEMENT,
                locked,
                "sign_last" if last else "sign",
                actor,
                occurred_at=occurred_at,
                **kwargs,
            )
    except IntegrityError as error:
        raise TransitionRefused(_("You have already signed this agreement.")) from error
    agreement.refresh_from_db()
    return event


def reject(agreement: Agreement, role: str, actor: Actor, reason: str):
    allowed, refusal = permissions.can_reject(agreement, role)
    if not allowed:
        raise TransitionRefused(refusal)
    if not reason.strip():
        raise TransitionRefused(_("Please give a reason for rejecting the agreement."))
    return apply_transition(AGREEMENT, agreement, "reject", actor, comment=reason.strip())


def void(agreement: Agreement, actor: Actor, reason: str) -> Agreement:
    """Void this version and draft the next one (linked), to be signed again."""
    with transaction.atomic():
        apply_transition(AGREEMENT, agreement, "void", actor, comment=reason)
        text = agreement.issued_text or agreement.draft_text
        successor = Agreement.objects.create(
            match=agreement.match,
            version=agreement.version + 1,
            previous_version=agreement,
            languages=agreement.languages,
            template=agreement.template,
            template_revision=agreement.template_revision,
            draft_text=text,
            signing_order=agreement.signing_order,
            consent_version=agreement.consent_version,
        )
        record_start(AGREEMENT, successor, actor, comment=reason)
    return successor


def ensure_issued_pdf(agreement: Agreement) -> str:
    """Render the issued PDF once; a second call (or a re-run task) keeps the first bytes."""
    from workflows.agreements import documents, pdf

    if agreement.issued_sha256:
        return agreement.issued_sha256
    data = pdf.render(documents.document(agreement))
    digest = sha256(data)
    Agreement.objects.filter(pk=agreement.pk, issued_sha256="").update(
        issued_pdf=data, issued_sha256=digest
    )
    agreement.refresh_from_db(fields=["issued_pdf", "issued_sha256"])
    return agreement.issued_sha256


def ensure_sealed(agreement: Agreement, *, occurred_at: datetime | None = None) -> str:
    """Render the final PDF (agreement + certificate of completion), seal it, store it once,
    and move the agreement to active. Safe to run twice: the first stored bytes stay."""
    from workflows.agreements import documents, pdf, sealing

    ensure_issued_pdf(agreement)
    if not agreement.sealed_sha256:
        sealed = sealing.seal(pdf.render(documents.document(agreement, final=True)))
        Agreement.objects.filter(pk=agreement.pk, sealed_sha256="").update(
            sealed_pdf=sealed,
            sealed_sha256=sha256(sealed),
            sealed_at=occurred_at or timezone.now(),
        )
        agreement.refresh_from_db()
    if agreement.state == SIGNED:
        try:
            apply_transition(AGREEMENT, agreement, "seal", Actor.system(), occurred_at=occurred_at)
        except TransitionConflict:
            agreement.refresh_from_db()  # a parallel run sealed it first
    return agreement.sealed_sha256
