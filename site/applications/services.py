"""Everything that changes application data: views and the API call these, never the ORM.

``submit_application`` is one transaction: the person, the application with its typed
profile and answers, the first history entry and the confirmation email (an outbox row plus
its queued sending task) commit together or not at all.
"""

from __future__ import annotations

import pickle
from datetime import datetime, time, timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from applications import core
from applications.eligibility import check_eligibility
from applications.forms import PRIVACY_VERSION_FIELD, UPLOAD_SUFFIX, answers_as_json
from applications.memo import default_locale, kept, kept_instance
from applications.models import (
    ApplicantProfile,
    Application,
    AvailabilitySlot,
    Discipline,
    Draft,
    MentoringLanguage,
    Person,
    PrivacyNotice,
    Upload,
    normalise_email,
)
from applications.uploads import (  # noqa: F401  (callers keep importing them from here)
    attach_uploads,
    keep_upload,
    keep_valid_uploads,
    pending_uploads,
)
from base.localization import localized_title
from consents import purposes as consent_purposes
from consents.models import ConsentRecord
from consents.services import record_consent
from institutions.models import Institution
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition, record_start
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import queue_email, supported_language

DRAFT_SKIP_FIELDS = {"csrfmiddlewaretoken", "action", "draft_token"}
#: At most this many draft links per recipient address and day: the form must not become a
#: way to flood someone else's mailbox.
DRAFT_EMAILS_PER_DAY = 3


class SubmissionRefused(Exception):
    """The submission was not saved; ``errors`` maps field keys ("__all__") to reasons."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


class AlreadyApplied(Exception):
    """This address has applied to the cohort in this role before. Nothing new was saved;
    the address was emailed (in its owner's language) with a portal link. Callers answer
    exactly as for a new application, so a stranger learns nothing about who applied."""


# Drafts ---------------------------------------------------------------------------------


def localized_url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return settings.SITE_URL.rstrip("/") + reverse(name, kwargs=kwargs)


def save_draft(
    *, form_page, data, uploads: dict[str, Upload], draft: Draft | None = None
) -> tuple[Draft, bool]:
    """Keep what was entered so far; email the resume link the first time. Returns
    (draft, emailed_now)."""
    language = form_page.locale.language_code
    values = {
        name: data.getlist(name)
        for name in data
        if name not in DRAFT_SKIP_FIELDS and not name.endswith(UPLOAD_SUFFIX)
    }
    email = (data.get("email") or "").strip()
    with transaction.atomic():
        if draft is None:
            draft = Draft(form_page=form_page)
        draft.language = language
        draft.data = values
        draft.email = normalise_email(email) if is_email(email) else ""
        draft.save()
        Upload.objects.filter(pk__in=[u.pk for u in uploads.values()]).update(draft=draft)
        emailed = False
        key = f"application-draft:{draft.pk}:{draft.email}"
        if (
            draft.email
            and not OutboundEmail.objects.filter(key=key).exists()
            and draft_emails_today(draft.email) < DRAFT_EMAILS_PER_DAY
        ):
            emailed = True
            queue_email(
                key=key,
                to=draft.email,
                language=language,
                template="application_draft",
                context={
                    "form_title": form_page.title,
                    "resume_url": localized_url(
                        "applications:resume_draft", language, token=draft.token
                    ),
                },
            )
    return draft, emailed


def is_email(value: str) -> bool:
    try:
        validate_email(value)
    except ValidationError:
        return False
    return True


def draft_emails_today(address: str) -> int:
    since = timezone.now() - timedelta(days=1)
    return OutboundEmail.objects.filter(
        template="application_draft", to=address, created_at__gte=since
    ).count()


# Submission -----------------------------------------------------------------------------


def resolve_institution(translation_key: str | None) -> Institution | None:
    """The default-locale institution with this translation key (any locale as fallback);
    kept per process and site generation within a request (``applications.memo.kept``)."""
    if not translation_key:
        return None
    return kept_instance(
        ("institution", str(translation_key)), lambda: (_load_institution(translation_key), None)
    )


def _load_institution(translation_key: str) -> Institution | None:
    candidates = Institution.objects.filter(translation_key=translation_key)
    return candidates.filter(locale=default_locale()).first() or candidates.first()


def discipline_ids(keys: list[str]) -> list[int]:
    """The ids of the disciplines with these keys, in this order (each in the default locale
    when it has that copy, else in any); unknown keys are left out."""
    found = kept(("discipline-ids",), lambda: (_discipline_ids(), None))
    return [found[key] for key in keys if key in found]


def _discipline_ids() -> dict[str, int]:
    """{key: id} of every discipline (see :func:`discipline_ids`); never changed once made."""
    default = default_locale()
    found: dict[str, int] = {}
    for key, pk, locale_id in Discipline.objects.values_list("key", "pk", "locale_id"):
        if key not in found or locale_id == default.pk:
            found[key] = pk
    return found


def notice_in_force(now: datetime) -> PrivacyNotice | None:
    """``PrivacyNotice.current(now=now)``; within a request the notice in force now is kept
    per process and site generation (every notice saved starts a new one) until the next
    notice comes into force, and used for any ``now`` between the two."""
    from applications.forms import next_notice_change

    def in_force() -> tuple[bytes, datetime | None]:
        notice = PrivacyNotice.current()
        until = next_notice_change()
        return pickle.dumps((notice, until), pickle.HIGHEST_PROTOCOL), until

    notice, until = pickle.loads(kept(("privacy-notice-in-force",), in_force))  # noqa: S301
    since = notice.effective_from if notice is not None else None
    if (since is not None and now < since) or (until is not None and now >= until):
        return PrivacyNotice.current(now=now)  # another moment than now
    if notice is not None:
        notice.__dict__.pop("_django_version", None)
    return notice


def cohort_title(cohort, language: str) -> str:
    """``localized_title(cohort, language)``, kept per process and site generation within a
    request (the title and its translations are pages: any save starts a new generation)."""
    return kept(
        ("cohort-title", cohort.pk, language), lambda: (localized_title(cohort, language), None)
    )


def parse_availability(values: list[str]) -> list[tuple[int, time, time]]:
    parts = {part: (start, end) for part, _label, start, end in core.DAY_PARTS}
    slots = []
    for value in values:
        day, _sep, part = value.partition("-")
        start, end = parts[part]
        slots.append((int(day), time(start), time(end)))
    return sorted(slots)


def keywords(text: str) -> list[str]:
    seen: list[str] = []
    for word in text.replace(";", ",").split(","):
        word = " ".join(word.split()).casefold()
        if word and word not in seen:
            seen.append(word)
    return seen


def save_profile(application: Application, cleaned: dict[str, Any], institution, now) -> None:
    """Write the typed core answers (profile, languages, availability) of ``application``.

    Used by submission and by the portal's amendment, so both store answers the same way.
    """
    notice = notice_in_force(now)
    profile = ApplicantProfile.objects.create(
        application=application,
        institution=institution,
        faculty=cleaned.get("faculty", ""),
        programme_or_position=cleaned.get("programme_or_position", ""),
        degree_level=cleaned.get("degree_level", ""),
        academic_rank=cleaned.get("academic_rank", ""),
        research_interests=keywords(cleaned.get("research_interests", "")),
        meeting_preference=cleaned.get("meeting_preference", ""),
        timezone=cleaned.get("timezone") or "Europe/Prague",
        goals=cleaned.get("goals", ""),
        capacity=cleaned.get("capacity"),
        privacy_notice=notice,
        privacy_notice_version=notice.version if notice else "",
        consented_at=now,
    )
    # A new profile has no disciplines yet: add (one INSERT), not set (a SELECT of none first).
    profile.disciplines.add(*discipline_ids(cleaned.get("disciplines", [])))
    MentoringLanguage.objects.bulk_create(
        MentoringLanguage(application=application, language=code, level=level)
        for code, level in (cleaned.get("mentoring_languages") or {}).items()
    )
    AvailabilitySlot.objects.bulk_create(
        AvailabilitySlot(application=application, weekday=day, starts_at=start, ends_at=end)
        for day, start, end in parse_availability(cleaned.get("availability", []))
    )


def record_application_consent(
    application: Application, cleaned: dict[str, Any], actor: Actor, at: datetime
) -> None:
    """Record the consent to processing the application that the form's privacy checkbox gave,
    with the notice version the form showed (its hidden field, checked by the form against
    the notice in force). Nothing is recorded for a form without the checkbox."""
    if not cleaned.get("privacy_consent"):
        return
    version = cleaned.get(PRIVACY_VERSION_FIELD) or ""
    if not version:
        notice = PrivacyNotice.current(now=at)
        version = notice.version if notice else ""
    record_consent(
        application.person,
        consent_purposes.APPLICATION,
        granted=True,
        notice_version=version,
        source=ConsentRecord.Source.FORM,
        actor=actor,
        application=application,
        at=at,
    )


def duplicate_reason() -> str:
    return _(
        "You have already applied to this cohort in this role. You can follow and amend "
        "your application in the portal."
    )


def existing_application(cohort, role: str, email: str) -> Application | None:
    return (
        Application.objects.filter(person__email=normalise_email(email), cohort=cohort, role=role)
        .select_related("person")
        .first()
    )


def mark_draft_submitted(draft: Draft | None, now: datetime) -> None:
    """The draft's answers are gone; its link now says the application was sent."""
    if draft is not None and draft.pk:
        Draft.objects.filter(pk=draft.pk).update(data={}, submitted_at=now)


def tell_already_applied(application: Application, draft: Draft | None, now: datetime) -> None:
    """Email the address's owner that they had applied already (at most once a day), in
    their language, with the portal link; one transaction."""
    person = application.person
    language = supported_language(person.preferred_language or application.language)
    with transaction.atomic():
        queue_email(
            key=f"application-duplicate:{application.pk}:{now.date().isoformat()}",
            to=person.email,
            language=language,
            template="application_duplicate",
            context={
                "full_name": person.full_name,
                "role": application.role,
                "cohort_title": cohort_title(application.cohort, language),
                "reference": application.pk,
                "portal_url": localized_url("portal:dashboard", language),
            },
        )
        mark_draft_submitted(draft, now)


def refusals_for(form_page, cleaned: dict[str, Any], now: datetime) -> dict[str, str]:
    """The eligibility refusals of validated answers to ``form_page`` (empty: eligible)."""
    return check_eligibility(
        form_page.get_source_cohort(),
        form_page.role,
        institution=resolve_institution(cleaned.get("institution")),
        email=cleaned["email"],
        now=now,
    )


def submit_application(
    *,
    form_page,
    cleaned: dict[str, Any],
    uploads: dict[str, Upload],
    actor: Actor,
    draft: Draft | None = None,
    now: datetime | None = None,
    form_snapshot: dict[str, Any] | None = None,
) -> Application:
    """Create the application (state ``submitted``) from validated answers at once, or raise
    :class:`SubmissionRefused` with the eligibility reasons, or :class:`AlreadyApplied`
    (after emailing the address's owner). See the module docstring.

    The form page's POST does not call this: it stores the answers and lets the worker
    create the application (:mod:`applications.acceptance`). The forms API, the demo and the
    benchmarks do, when they need the application in hand.

    ``form_snapshot`` is the form as the applicant saw it, from the validated form
    (``ApplicationForm.definition()``); without it, the page describes itself again."""
    now = now or timezone.now()
    refusals = refusals_for(form_page, cleaned, now)
    if refusals:
        raise SubmissionRefused(refusals)
    return create_application(
        cohort=form_page.get_source_cohort(),
        role=form_page.role,
        form_page=form_page,
        language=form_page.locale.language_code,
        cleaned=cleaned,
        uploads=uploads,
        actor=actor,
        draft=draft,
        submitted_at=now,
        form_snapshot=form_page.form_definition() if form_snapshot is None else form_snapshot,
    )


def create_application(
    *,
    cohort,
    role: str,
    form_page,
    language: str,
    cleaned: dict[str, Any],
    uploads: dict[str, Upload],
    actor: Actor,
    draft: Draft | None,
    submitted_at: datetime,
    form_snapshot: dict[str, Any],
) -> Application:
    """Create the person (or update their language), the application with its profile,
    consent, files and first history entry, and queue the confirmation email: one
    transaction. Answers that were checked already (eligibility is the caller's); raises
    :class:`AlreadyApplied` after emailing the owner of an address that applied before."""
    existing = existing_application(cohort, role, cleaned["email"])
    if existing is not None:
        tell_already_applied(existing, draft, submitted_at)
        raise AlreadyApplied
    language_preferred = supported_language(cleaned.get("preferred_language") or language)
    try:
        with transaction.atomic():
            person, created = Person.objects.get_or_create(
                email=normalise_email(cleaned["email"]),
                defaults={
                    "full_name": cleaned["full_name"],
                    "preferred_language": language_preferred,
                },
            )
            if not created and person.preferred_language != language_preferred:
                person.preferred_language = language_preferred
                person.save(update_fields=["preferred_language"])
            application = Application.objects.create(
                person=person,
                cohort=cohort,
                role=role,
                language=language,
                form_page=form_page,
                submitted_at=submitted_at,
                answers=answers_as_json(cleaned, uploads),
                form_snapshot=form_snapshot,
            )
            save_profile(
                application, cleaned, resolve_institution(cleaned.get("institution")), submitted_at
            )
            record_application_consent(application, cleaned, actor, submitted_at)
            attach_uploads(application, uploads.values())
            record_start(APPLICATION, application, actor)
            queue_email(
                key=f"application-submitted:{application.pk}",
                to=person.email,
                language=language_preferred,
                template="application_submitted",
                context={
                    "full_name": person.full_name,
                    "role": application.role,
                    "cohort_title": cohort_title(cohort, language_preferred),
                    "reference": application.pk,
                    "portal_url": localized_url("portal:dashboard", language_preferred),
                },
            )
            mark_draft_submitted(draft, submitted_at)
    except IntegrityError as error:
        # Two submissions raced past the check above: the unique constraint decides.
        existing = existing_application(cohort, role, cleaned["email"])
        if existing is not None:
            tell_already_applied(existing, draft, submitted_at)
            raise AlreadyApplied from error
        raise
    return application


def amend_application(
    application: Application, actor: Actor, *, form: Any, note: str = ""
) -> HistoryEntry:
    """Save the applicant's changed answers and send the application back to review: one
    transaction that starts with the compare-and-set of the "amend" transition, so a refused
    or raced amendment (withdrawn meanwhile) saves nothing.

    ``form`` is either the applications app's own ``ApplicationForm`` for the page the
    applicant answered (validated, its new files kept by :func:`keep_valid_uploads`): the
    answers, typed profile, mentoring languages and availability are rewritten exactly as
    :func:`submit_application` stores them and new files attached; or, for an application
    made without a form page (imported, made in the admin), a ModelForm over its editable
    fields, of which only the form's fields are written. Raises ``TransitionError``.
    """
    with transaction.atomic():
        entry = apply_transition(APPLICATION, application, "amend", actor, comment=note.strip())
        if isinstance(form, forms.BaseModelForm):
            _save_model_form(form)
        else:
            _save_answers(application, form, actor)
    return entry


def _save_model_form(form) -> None:
    instance = form.save(commit=False)
    concrete = {f.name for f in Application._meta.concrete_fields}
    fields = [name for name in form.cleaned_data if name in concrete]
    if fields:
        instance.save(update_fields=fields)
    form.save_m2m()


def _save_answers(application: Application, form, actor: Actor) -> None:
    cleaned: dict[str, Any] = form.cleaned_data
    uploads = dict(getattr(form, "pending_uploads", {}))
    # Answers to questions no longer on the form are kept; the rest are replaced.
    kept = {k: v for k, v in application.answers.items() if k not in form.fields}
    answers = {**kept, **answers_as_json(cleaned, uploads)}
    Application.objects.filter(pk=application.pk).update(answers=answers)
    application.answers = answers
    institution = resolve_institution(cleaned.get("institution"))
    ApplicantProfile.objects.filter(application=application).delete()
    MentoringLanguage.objects.filter(application=application).delete()
    AvailabilitySlot.objects.filter(application=application).delete()
    now = timezone.now()
    save_profile(application, cleaned, institution, now)
    record_application_consent(application, cleaned, actor, now)
    attach_uploads(application, uploads.values())
    language = cleaned.get("preferred_language")
    if language and language != application.person.preferred_language:
        application.person.preferred_language = language
        application.person.save(update_fields=["preferred_language"])
