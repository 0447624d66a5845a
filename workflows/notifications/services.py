"""Queue emails in the recipient's language; send each exactly once."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from workflows.engine.engine import enqueue
from workflows.notifications.models import OutboundEmail

logger = logging.getLogger(__name__)

SEND_TASK = "workflows.notifications.tasks.send_outbound_email"
#: A claim older than this is considered abandoned (the worker died mid-send) and retaken.
CLAIM_TIMEOUT = timedelta(minutes=10)


def supported_language(code: str | None) -> str:
    codes = {c for c, _ in settings.LANGUAGES}
    code = (code or "").split("-")[0].lower()
    return code if code in codes else settings.LANGUAGE_CODE


def render_email(template: str, language: str, context: dict[str, Any]) -> tuple[str, str, str]:
    """Render ``notifications/email/<template>_{subject,body}.txt`` (and optional ``.html``)
    with the recipient's language active. Returns (subject, text, html)."""
    context = {**context, "site_url": settings.SITE_URL, "language": language}
    with translation.override(language):
        subject = render_to_string(f"notifications/email/{template}_subject.txt", context)
        text = render_to_string(f"notifications/email/{template}_body.txt", context)
        try:
            html = render_to_string(f"notifications/email/{template}_body.html", context)
        except Exception:  # noqa: BLE001 - an HTML part is optional
            html = ""
    return " ".join(subject.split()), text.strip() + "\n", html


def queue_email(
    *, key: str, to: str, language: str, template: str, context: dict[str, Any]
) -> OutboundEmail:
    """Write the email to the outbox (once per key) and enqueue its sending.

    Call inside the transaction that decides to send it: with the ORM broker the task row
    commits or rolls back together with the decision.
    """
    language = supported_language(language)
    subject, text, html = render_email(template, language, context)
    with transaction.atomic():
        email, created = OutboundEmail.objects.get_or_create(
            key=key,
            defaults={
                "template": template,
                "to": to,
                "language": language,
                "subject": subject,
                "body_text": text,
                "body_html": html,
            },
        )
        if created:
            enqueue(SEND_TASK, email.pk)
    return email


def send_outbound_email(email_id: int) -> str:
    """Send one outbox email, at most once: claim it by compare-and-set, send, mark sent.

    Safe to run twice: the second run finds it claimed or sent and does nothing.
    """
    now = timezone.now()
    claimable = Q(status__in=[OutboundEmail.Status.PENDING, OutboundEmail.Status.FAILED]) | Q(
        status=OutboundEmail.Status.SENDING, claimed_at__lt=now - CLAIM_TIMEOUT
    )
    claimed = OutboundEmail.objects.filter(claimable, pk=email_id).update(
        status=OutboundEmail.Status.SENDING, claimed_at=now
    )
    if not claimed:
        return "skipped"
    email = OutboundEmail.objects.get(pk=email_id)
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers={"Content-Language": email.language},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    try:
        message.send()
    except Exception as error:
        OutboundEmail.objects.filter(pk=email_id).update(
            status=OutboundEmail.Status.FAILED,
            attempts=email.attempts + 1,
            last_error=str(error)[:2000],
        )
        logger.exception("Sending email %s failed", email_id)
        raise
    OutboundEmail.objects.filter(pk=email_id).update(
        status=OutboundEmail.Status.SENT, sent_at=timezone.now(), attempts=email.attempts + 1
    )
    return "sent"
