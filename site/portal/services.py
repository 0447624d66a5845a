"""What an applicant can change from the portal: withdraw, and amend when asked to.

Both go through :func:`workflows.engine.engine.apply_transition`, so the state change is a
compare-and-set, audited in the history and followed by the lifecycle's effects.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db import models, transaction
from django.utils import timezone

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


def amend_application_answers(
    application: Application, actor: Actor, *, form: forms.Form, note: str = ""
) -> HistoryEntry:
    """Replace the answers of an application that was submitted through a form page.

    ``form`` is the applications app's own ``ApplicationForm`` for that page, validated (its
    kept files already stored by ``keep_valid_uploads``). The answers, the typed profile, the
    mentoring languages and availability are rewritten with the applications app's code, new
    files are attached, and the application goes back to review, all in one transaction that
    starts with the compare-and-set of the "amend" transition.

    The applications app has no amend service (yet); this is the portal's, built on its
    ``answers_as_json`` and ``save_profile`` so that a submission and an amendment store
    answers the same way.
    """
    from applications import services as submission
    from applications.forms import answers_as_json
    from applications.models import (
        ApplicantProfile,
        AvailabilitySlot,
        MentoringLanguage,
        Upload,
    )

    cleaned: dict[str, Any] = form.cleaned_data
    uploads = dict(getattr(form, "pending_uploads", {}))
    with transaction.atomic():
        entry = apply_transition(APPLICATION, application, "amend", actor, comment=note.strip())
        # Answers to questions no longer on the form are kept; the rest are replaced.
        kept = {k: v for k, v in application.answers.items() if k not in form.fields}
        answers = {**kept, **answers_as_json(cleaned, uploads)}
        Application.objects.filter(pk=application.pk).update(answers=answers)
        application.answers = answers
        institution = submission.resolve_institution(cleaned.get("institution"))
        ApplicantProfile.objects.filter(application=application).delete()
        MentoringLanguage.objects.filter(application=application).delete()
        AvailabilitySlot.objects.filter(application=application).delete()
        submission.save_profile(application, cleaned, institution, timezone.now())
        Upload.objects.filter(pk__in=[upload.pk for upload in uploads.values()]).update(
            application=application, draft=None
        )
        language = cleaned.get("preferred_language")
        if language and language != application.person.preferred_language:
            application.person.preferred_language = language
            application.person.save(update_fields=["preferred_language"])
    return entry
