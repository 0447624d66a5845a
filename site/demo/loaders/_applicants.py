"""Shared by the application steps: submit a demo application as it happened, with its CV.

``applications.services.submit_application`` stamps everything "now" and emails the
applicant, which is right for a live form and wrong for a replay of 2023. So the replay goes
through the same public pieces in the same order, with the historical time: the real form
validates the answers (and the PDF), the eligibility rules are checked at that moment,
``keep_upload`` stores the CV privately, ``save_profile``
writes the typed answers, ``record_application_consent`` the consent with its notice version,
and ``record_start(occurred_at=...)`` the first history entry. The
confirmation email is queued only when asked (the open intake), with the same key, template
and context as a live submission, so a newcomer finds it in var/mail.
"""

from __future__ import annotations

import datetime
import html
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from applications.eligibility import check_eligibility
from applications.forms import ApplicationForm, answers_as_json
from applications.models import Application, Person, Upload, normalise_email
from applications.services import (
    keep_upload,
    localized_url,
    record_application_consent,
    resolve_institution,
    save_profile,
)
from base.localization import localized_title
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition, record_start
from workflows.lifecycles.application import APPLICATION
from workflows.notifications.services import queue_email, supported_language

from ..content.applications import PRIVACY_VERSION


class DemoAnswersInvalid(Exception):
    """A demo applicant's answers do not pass the real form: the demo content is wrong."""


def existing(cohort, role: str, email: str) -> Application | None:
    return Application.objects.filter(
        person__email=normalise_email(email), cohort=cohort, role=role
    ).first()


def post_data(spec: dict[str, Any], institution, role: str) -> MultiValueDict:
    """The POST a browser would send for ``spec`` (core question keys, choice values)."""
    data = {
        "full_name": [spec["full_name"]],
        "email": [spec["email"]],
        "preferred_language": [spec.get("preferred_language", "cs")],
        "institution": [str(institution.translation_key)],
        "faculty": [spec["faculty"]],
        "programme_or_position": [spec["programme_or_position"]],
        "disciplines": list(spec["disciplines"]),
        "research_interests": [spec["research_interests"]],
        "meeting_preference": [spec["meeting_preference"]],
        "availability": list(spec["availability"]),
        "timezone": ["Europe/Berlin" if role == "mentee" else "Europe/Prague"],
        "privacy_consent": ["on"],
        "privacy_notice_version": [PRIVACY_VERSION],
    }
    for code in ("cs", "de", "en"):
        data[f"mentoring_languages_{code}"] = [spec["languages"].get(code, "")]
    if role == "mentee":
        data["degree_level"] = [spec["degree_level"]]
        data["goals"] = [spec["goals"]]
    else:
        data["academic_rank"] = [spec["academic_rank"]]
        data["capacity"] = [str(spec.get("capacity", 1))]
    return MultiValueDict(data)


def cv_pdf(spec: dict[str, Any], institution_name: str) -> bytes:
    """A one-page CV made with WeasyPrint (real text, real fonts, diacritics intact)."""
    from weasyprint import HTML  # imported here: only needed when an applicant is created

    esc = html.escape
    rows = "".join(
        f"<li>{esc(line)}</li>"
        for line in (
            spec["programme_or_position"],
            spec["faculty"],
            institution_name,
            spec["research_interests"],
        )
    )
    document = (
        "<html><head><meta charset='utf-8'><style>"
        "body{font-family:sans-serif;font-size:11pt;margin:2cm} h1{font-size:18pt}"
        "</style></head><body>"
        f"<h1>{esc(spec['full_name'])}</h1><p>{esc(spec['email'])}</p>"
        f"<h2>Curriculum vitae</h2><ul>{rows}</ul></body></html>"
    )
    return HTML(string=document).write_pdf()


def submit(
    *,
    form_page,
    spec: dict[str, Any],
    institution,
    occurred_at: datetime.datetime,
    send_confirmation: bool,
) -> Application:
    """Submit ``spec`` through ``form_page`` (a copy in the applicant's language) at
    ``occurred_at``; see the module docstring."""
    role = form_page.role
    pdf = cv_pdf(spec, str(institution))
    filename = "CV-" + spec["email"].split("@")[0].replace(".", "-") + ".pdf"
    files = MultiValueDict({"cv": [SimpleUploadedFile(filename, pdf, "application/pdf")]})
    form = ApplicationForm(form_page, data=post_data(spec, institution, role), files=files)
    if not form.is_valid():
        raise DemoAnswersInvalid(f"{spec['email']}: {form.errors.as_json()}")
    cleaned = form.cleaned_data
    cohort = form_page.get_source_cohort()
    refusals = check_eligibility(
        cohort, role, institution=institution, email=cleaned["email"], now=occurred_at
    )
    if refusals:
        raise DemoAnswersInvalid(f"{spec['email']}: {refusals}")
    language = supported_language(cleaned["preferred_language"])
    person, _created = Person.objects.get_or_create(
        email=normalise_email(cleaned["email"]),
        defaults={"full_name": cleaned["full_name"], "preferred_language": language},
    )
    application = Application.objects.create(
        person=person,
        cohort=cohort,
        role=role,
        language=form_page.locale.language_code,
        form_page=form_page,
        form_snapshot=form_page.form_definition(),
    )
    upload = keep_upload(cleaned["cv"], "cv")
    Upload.objects.filter(pk=upload.pk).update(application=application, created_at=occurred_at)
    application.answers = answers_as_json(cleaned, {"cv": upload})
    application.save(update_fields=["answers"])
    save_profile(application, cleaned, resolve_institution(cleaned["institution"]), occurred_at)
    record_application_consent(application, cleaned, Actor(person=person), occurred_at)
    # auto_now_add fields: set to when it happened, once, right after creating the rows.
    Application.objects.filter(pk=application.pk).update(
        submitted_at=occurred_at, state_changed_at=occurred_at
    )
    Person.objects.filter(pk=person.pk, created_at__gt=occurred_at).update(created_at=occurred_at)
    record_start(APPLICATION, application, Actor(person=person), occurred_at=occurred_at)
    if send_confirmation:
        queue_email(
            key=f"application-submitted:{application.pk}",
            to=person.email,
            language=language,
            template="application_submitted",
            context={
                "full_name": person.full_name,
                "role": role,
                "cohort_title": localized_title(application.cohort, language),
                "reference": application.pk,
                "portal_url": localized_url("portal:dashboard", language),
            },
        )
    application.refresh_from_db()
    return application


def every_effect(name: str) -> frozenset[str]:
    """All effects of transition ``name``: a replayed step from the past sends nothing."""
    return frozenset(effect.key for effect in APPLICATION.transition(name).effects)


def replay(
    application: Application,
    name: str,
    actor: Actor,
    occurred_at: datetime.datetime,
    *,
    comment: str = "",
    message: str = "",
    quiet: bool = True,
):
    """Apply transition ``name`` as it happened at ``occurred_at`` (silently unless
    ``quiet`` is False: then its emails go out now, as they would today)."""
    return apply_transition(
        APPLICATION,
        application,
        name,
        actor,
        comment=comment,
        message=message,
        disabled_effects=every_effect(name) if quiet else frozenset(),
        occurred_at=occurred_at,
    )


def ensure_rubrics() -> None:
    """The demo's rubric per applicant role, translated; none if another rubric is in use.

    Its criteria are child objects, translated with it (wagtail-localize segments them).
    """
    from wagtail.models import Locale

    from workflows.review.models import Criterion, Rubric

    from ..content.applications import RUBRICS
    from ..localize import translate
    from ..text import Glossary

    english = Locale.objects.get(language_code="en")
    for role, (name, criteria) in RUBRICS.items():
        rubric = Rubric.objects.filter(role=role, locale=english, name=name.en).first()
        if rubric is None:
            if Rubric.objects.filter(role=role, is_active=True).exists():
                continue  # someone else's rubric: leave it in charge
            rubric = Rubric(name=name.en, role=role, locale=english)
            for order, (label, guidance, weight) in enumerate(criteria):
                rubric.criteria.add(
                    Criterion(
                        label=label.en,
                        help_text=guidance.en,
                        weight=weight,
                        sort_order=order,
                        locale=english,
                    )
                )
            rubric.save()
        glossary = Glossary()
        glossary.add(name)
        for label, guidance, _weight in criteria:
            glossary.add(label)
            glossary.add(guidance)
        translate(rubric, glossary)


def review(
    application: Application,
    *,
    reviewer,
    coordinator,
    assigned_at: datetime.datetime,
    due_on: datetime.date | None = None,
    reviewed_at: datetime.datetime | None = None,
    scores: tuple[int, ...] = (),
    recommendation: str = "accept",
    comment: str = "",
):
    """Assign ``reviewer`` (by ``coordinator``) at ``assigned_at``; with ``scores``, also
    fill in the role's rubric at ``reviewed_at``. Returns the assignment."""
    from workflows.review.models import Review, ReviewAssignment
    from workflows.review.services import assign_reviewer, rubric_for, submit_review

    assignment = assign_reviewer(application, reviewer, Actor(user=coordinator), due_on=due_on)
    ReviewAssignment.objects.filter(pk=assignment.pk).update(assigned_at=assigned_at)
    if scores:
        rubric = rubric_for(application)
        criteria = list(rubric.criteria.order_by("sort_order", "pk"))
        done = submit_review(
            assignment,
            reviewer,
            rubric=rubric,
            scores={criterion.pk: score for criterion, score in zip(criteria, scores, strict=True)},
            recommendation=recommendation,
            comment=comment,
        )
        Review.objects.filter(pk=done.pk).update(submitted_at=reviewed_at)
    return assignment
