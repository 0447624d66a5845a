"""What an applicant can change from the portal: withdraw, and amend when asked to.

Both go through :func:`workflows.engine.engine.apply_transition`, so the state change is a
compare-and-set, audited in the history and followed by the lifecycle's effects.
"""

from __future__ import annotations

from django import forms
from django.db import models, transaction

from applications.models import Application
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION

#: Application fields an applicant never edits: who, where, what role, and the lifecycle.
NOT_AMENDABLE = frozenset(
    {"id", "person", "cohort", "role", "state", "state_changed_at", "submitted_at"}
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


def amend_application(
    application: Application, actor: Actor, *, form: forms.ModelForm, note: str = ""
) -> HistoryEntry:
    """Save the applicant's changed answers and move the application back to review.

    The transition runs first: its compare-and-set on the state decides whether the answers
    may be saved at all, and only the form's fields are written (never a stale state).
    Raises :class:`~workflows.engine.engine.TransitionRefused`/``TransitionConflict``; then
    nothing is saved.
    """
    with transaction.atomic():
        entry = apply_transition(APPLICATION, application, "amend", actor, comment=note.strip())
        instance = form.save(commit=False)
        concrete = [
            name
            for name in form.cleaned_data
            if name in {f.name for f in Application._meta.concrete_fields}
        ]
        if concrete:
            instance.save(update_fields=concrete)
        form.save_m2m()
    return entry
