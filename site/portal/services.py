"""What an applicant can change from the portal: withdraw, and which fields amending edits.

Withdrawing goes through :func:`workflows.engine.engine.apply_transition` (a compare-and-set,
audited, followed by the lifecycle's effects); amending is the applications app's service
(:func:`applications.services.amend_application`, beside ``submit_application``).
"""

from __future__ import annotations

from django.db import models

from applications.models import Application
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION

#: Application fields an applicant never edits: who, where, what role, and the lifecycle.
NOT_AMENDABLE = frozenset(
    {"id", "person", "cohort", "role", "state", "state_changed_at", "submitted_at", "form_page"}
)


def amendable_fields() -> list[str]:
    """The Application fields the applicant may change when asked to amend.

    Every editable field of the model except identity and lifecycle fields, uploads (they go
    through the applications app's protected upload views) and raw JSON, so typed answer
    fields added to Application are amendable without touching the portal.
    """
    names = []
    for field in Application._meta.get_fields():
        if not getattr(field, "editable", False) or field.auto_created:
            continue
        if not (field.concrete or field.many_to_many) or field.name in NOT_AMENDABLE:
            continue
        if isinstance(field, (models.FileField, models.JSONField)):
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            continue
        names.append(field.name)
    return names


def withdraw_application(
    application: Application, actor: Actor, *, reason: str = ""
) -> HistoryEntry:
    """Withdraw ``application``; the applicant's reason is kept as the entry's comment."""
    return apply_transition(APPLICATION, application, "withdraw", actor, comment=reason.strip())
