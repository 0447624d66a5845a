"""django-q2 entry points of the notifications app (thin wrappers around services).

Every task here is idempotent: it is keyed by the history entry (or email) it is about, so the
at-least-once delivery of django-q2 (retries after a timeout or a dead worker) sends nothing
twice.
"""

from __future__ import annotations

from django.utils import translation

from workflows.engine.models import HistoryEntry
from workflows.notifications import services
from workflows.notifications.recipients import recipients_for


def send_outbound_email(email_id: int) -> str:
    return services.send_outbound_email(email_id)


def transition_email_key(entry: HistoryEntry, index: int = 0) -> str:
    """The outbox key of the ``index``-th email about ``entry``: one email per entry and person,
    however often the task runs (e.g. ``application:42:317:accept``)."""
    suffix = f":{index}" if index else ""
    return f"{entry.machine}:{entry.object_id}:{entry.pk}:{entry.transition}{suffix}"


def notify_transition(history_entry_id: int) -> str:
    """Email the people a transition concerns, in their language, once per history entry.

    The outbox row is written (once per key) and sent right here; the send claims the row by
    compare-and-set, so a re-run after a crash sends it at most once more if it never went out.
    A failure raises, so django-q2 retries (up to ``max_attempts``) and records the failure.
    """
    entry = HistoryEntry.objects.get(pk=history_entry_id)
    subject = entry.subject
    template = f"{entry.machine}_{entry.transition}"
    results = []
    for index, recipient in enumerate(recipients_for(entry, subject)):
        email, _created = services.outbox_email(
            key=transition_email_key(entry, index),
            to=recipient.email,
            language=recipient.language,
            template=template,
            context=recipient.context,
        )
        results.append(services.send_outbound_email(email.pk))
    return ",".join(results) or "nobody"


def render_agreement_pdf(history_entry_id: int) -> str:
    """Render the agreement PDF for this history entry, once.

    The Agreement model (a later issue) provides ``ensure_pdf(entry)``, which must return the
    existing document when one was already made for ``entry`` (that keeps re-runs idempotent).
    """
    entry = HistoryEntry.objects.get(pk=history_entry_id)
    agreement = entry.subject
    with translation.override("en"):
        document = agreement.ensure_pdf(entry)
    return str(document)
