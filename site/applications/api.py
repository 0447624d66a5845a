"""Headless API for application forms (django-ninja, mounted on Wagtail's v3 API).

* ``GET  /api/v3/forms/``: the live forms, in the requested language;
* ``GET  /api/v3/forms/{id}/``: one form's schema in the requested language
  (``?locale=de``, else the ``Accept-Language`` header);
* ``POST /api/v3/forms/{id}/submissions/``: multipart answers under the stable keys (the CV
  as a file part); 201 (the same answer whether or not the address had applied before: its
  owner learns the rest by email), or 422 with ``errors`` keyed by field key and translated
  into the requested language.

Submissions run through the same form and service as the HTML page.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from ninja import Field, Router, Schema, Status
from wagtail.models import Locale

from applications import core
from applications.forms import PRIVACY_VERSION_FIELD, ApplicationForm, availability_choices
from applications.memo import remembering
from applications.models import ApplicationFormPage
from applications.services import (
    AlreadyApplied,
    SubmissionRefused,
    keep_valid_uploads,
    pending_uploads,
    submit_application,
)
from workflows.engine.actors import Actor

router = Router(tags=["application forms"])


class FormSummary(Schema):
    id: int
    title: str
    role: str
    locale: str
    cohort: str
    open: bool
    url: str


class Choice(Schema):
    value: str
    label: str


class PrivacyNoticeText(Schema):
    version: str
    title: str
    text: str


class FormField(Schema):
    """One multipart field name a submission sends (``name``), with how to fill it."""

    name: str = Field(description="The multipart field name to send.")
    label: str
    help_text: str = ""
    required: bool
    input: str = Field(
        description="text, email, textarea, radio, select, checkboxes (repeat the part per "
        "value), checkbox (send `on`), date (YYYY-MM-DD), number, file (a PDF part), "
        "language_levels (send the `subfields`), or hidden (send `value` unchanged)."
    )
    value: str | None = Field(None, description="Hidden fields: send exactly this value.")
    default: str | None = None
    choices: list[Choice] | None = None
    languages: list[str] | None = None
    levels: list[str] | None = None
    subfields: list[str] | None = None
    accept: list[str] | None = None
    max_bytes: int | None = None
    privacy_notice: PrivacyNoticeText | None = None


class Question(Schema):
    type: str = Field(description="heading, help, core or an editor's question type.")
    text: str | None = None
    key: str | None = None
    fields: list[FormField] | None = None


class FormSchema(Schema):
    page_id: int
    translation_key: str
    locale: str
    revision_id: int | None
    role: str
    title: str
    questions: list[Question]


class SubmissionCreated(Schema):
    """The same for every accepted submission: whether the address had applied before is
    told only to its owner, by email (with the application number and a portal link)."""

    state: str
    detail: str


class Errors(Schema):
    detail: str
    errors: dict[str, list[str]] = {}
    kept_uploads: dict[str, str] = Field(
        {},
        description="Files that passed their checks, by field name: send `<name>__upload` "
        "with this token instead of the file again.",
    )


def requested_language(request: HttpRequest) -> str | None:
    """``?locale=`` wins over ``Accept-Language``; ``None`` for an unknown ``?locale``."""
    codes = {code for code, _name in settings.LANGUAGES}
    asked = request.GET.get("locale")
    if asked:
        return asked if asked in codes else None
    return translation.get_language_from_request(request) or settings.LANGUAGE_CODE


def form_in_language(form_id: int, language: str) -> ApplicationFormPage | None:
    page = ApplicationFormPage.objects.live().filter(pk=form_id).first()
    if page is None:
        return None
    locale = Locale.objects.filter(language_code=language).first()
    if locale and page.locale_id != locale.pk:
        translated = (
            ApplicationFormPage.objects.live()
            .filter(translation_key=page.translation_key, locale=locale)
            .first()
        )
        return translated or page
    return page


def _bad_locale() -> JsonResponse:
    codes = ", ".join(code for code, _name in settings.LANGUAGES)
    return JsonResponse(
        {"detail": f"Unknown locale; use one of: {codes}.", "errors": {}}, status=400
    )


def _not_found() -> JsonResponse:
    return JsonResponse({"detail": "Not found.", "errors": {}}, status=404)


@router.get(
    "/", response=list[FormSummary], summary="List application forms", operation_id="forms_list"
)
def list_forms(request: HttpRequest):
    language = requested_language(request)
    if language is None:
        return _bad_locale()
    locale = Locale.objects.get(language_code=language)
    result = []
    with remembering():
        for page in ApplicationFormPage.objects.live().filter(locale=locale).order_by("path"):
            cohort = page.get_cohort()
            result.append(
                {
                    "id": page.pk,
                    "title": page.title,
                    "role": page.role,
                    "locale": language,
                    "cohort": cohort.title,
                    "open": page.get_source_cohort().is_open_for_applications(),
                    "url": page.full_url or page.url or "",
                }
            )
    return result


@router.get(
    "/{form_id}/",
    response={200: FormSchema, 400: Errors, 404: Errors},
    summary="One application form's schema, in the requested language",
    operation_id="forms_detail",
)
def form_schema(request: HttpRequest, form_id: int):
    language = requested_language(request)
    if language is None:
        return _bad_locale()
    page = form_in_language(form_id, language)
    if page is None:
        return _not_found()
    with remembering():
        return page.form_definition()


def _multipart_body() -> dict[str, Any]:
    """The submission body as OpenAPI: the core fields every form has (an editor's own
    questions add more, named in the form's schema), with an example."""
    levels = [value for value, _label in core.LEVEL_CHOICES]
    text = {"type": "string"}
    properties: dict[str, Any] = {
        "full_name": text,
        "email": {"type": "string", "format": "email"},
        "preferred_language": {"type": "string", "enum": [c for c, _l in core.LANGUAGE_CHOICES]},
        "institution": {**text, "description": "A choice value (institution translation key)."},
        "faculty": text,
        "programme_or_position": text,
        "degree_level": {"type": "string", "enum": [v for v, _l in core.DEGREE_LEVEL_CHOICES]},
        "academic_rank": {"type": "string", "enum": [v for v, _l in core.ACADEMIC_RANK_CHOICES]},
        "disciplines": {"type": "array", "items": text},
        "research_interests": text,
        **{
            f"mentoring_languages_{code}": {"type": "string", "enum": levels}
            for code, _label in core.LANGUAGE_CHOICES
        },
        "meeting_preference": {"type": "string", "enum": [v for v, _l in core.MEETING_CHOICES]},
        "availability": {
            "type": "array",
            "items": {"type": "string", "enum": [v for v, _l in availability_choices()]},
        },
        "timezone": {**text, "description": "An IANA time zone, e.g. Europe/Prague."},
        "goals": text,
        "capacity": {"type": "string", "enum": [v for v, _l in core.CAPACITY_CHOICES]},
        "cv": {"type": "string", "format": "binary", "description": "A PDF."},
        "cv__upload": {**text, "description": "Instead of `cv`: a token from `kept_uploads`."},
        "privacy_consent": {"type": "string", "enum": ["on"]},
        PRIVACY_VERSION_FIELD: {
            **text,
            "description": "The `value` the form's schema gives for this hidden field.",
        },
    }
    return {
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "description": "One part per `fields[].name` of the form's schema "
                        "(GET /api/v3/forms/{id}/); repeated parts for several choices; "
                        "the CV as a PDF file part. Mentee forms ask `degree_level` and "
                        "`goals`, mentor forms `academic_rank` and `capacity`.",
                        "properties": properties,
                        "required": [
                            "full_name",
                            "email",
                            "institution",
                            "cv",
                            "privacy_consent",
                            PRIVACY_VERSION_FIELD,
                        ],
                        "additionalProperties": True,
                    },
                    "example": SUBMISSION_EXAMPLE,
                }
            },
        },
        "responses": {
            str(status): {"content": {"application/json": {"example": example}}}
            for status, example in RESPONSE_EXAMPLES.items()
        },
    }


SUBMISSION_EXAMPLE = {
    "full_name": "Jana Nováková",
    "email": "jana.novakova@example.cz",
    "preferred_language": "cs",
    "institution": "8d6f0c2e-4b1a-4e43-9f0e-2a7c1d9b5e10",
    "faculty": "Faculty of Applied Sciences",
    "programme_or_position": "Computer Science (MSc)",
    "degree_level": "master",
    "disciplines": ["informatics"],
    "research_interests": "machine learning, robotics",
    "mentoring_languages_cs": "native",
    "mentoring_languages_de": "B2",
    "meeting_preference": "mixed",
    "availability": ["0-16-20", "2-08-12"],
    "timezone": "Europe/Prague",
    "goals": "Find my way into a doctorate.",
    "cv": "(binary PDF)",
    "privacy_consent": "on",
    PRIVACY_VERSION_FIELD: "2026-09",
}
RESPONSE_EXAMPLES = {
    201: {
        "state": "submitted",
        "detail": "Thank you. We have sent a confirmation with your application number to the "
        "email address you gave.",
    },
    400: {"detail": "Unknown locale; use one of: cs, de, en.", "errors": {}},
    404: {"detail": "Not found.", "errors": {}},
    422: {
        "detail": "The application was not saved.",
        "errors": {"faculty": ["This field is required."]},
        "kept_uploads": {"cv": "Vb2kQ0x7cS1pZ9m4"},
    },
}


def received() -> dict[str, str]:
    return {
        "state": "submitted",
        "detail": str(
            translation.gettext(
                "Thank you. We have sent a confirmation with your application number to the "
                "email address you gave."
            )
        ),
    }


@router.post(
    "/{form_id}/submissions/",
    response={201: SubmissionCreated, 400: Errors, 404: Errors, 422: Errors},
    summary="Submit an application",
    operation_id="forms_submit",
    openapi_extra=_multipart_body(),
)
def submit(request: HttpRequest, form_id: int):
    language = requested_language(request)
    if language is None:
        return _bad_locale()
    if not request.content_type.startswith("multipart/form-data"):
        return JsonResponse(
            {"detail": "Send the answers as multipart/form-data.", "errors": {}}, status=400
        )
    page = form_in_language(form_id, language)
    if page is None:
        return _not_found()
    with translation.override(language), remembering():
        form = ApplicationForm(
            page, request.POST, request.FILES, pending_uploads=pending_uploads(request.POST)
        )
        valid = form.is_valid()
        keep_valid_uploads(form)
        errors: dict[str, list[str]] = {
            key: [str(message) for message in messages] for key, messages in form.errors.items()
        }
        if valid:
            try:
                submit_application(
                    form_page=page,
                    cleaned=form.cleaned_data,
                    uploads=form.pending_uploads,
                    actor=Actor.from_request(request),
                    form_snapshot=form.definition(),
                )
            except SubmissionRefused as refusal:
                errors = {key: [reason] for key, reason in refusal.errors.items()}
            except AlreadyApplied:  # the same answer as for a new address
                return Status(201, received())
            else:
                return Status(201, received())
        kept = {key: upload.token for key, upload in form.pending_uploads.items()}
        body = {
            "detail": str(translation.gettext("The application was not saved.")),
            "errors": errors,
            "kept_uploads": kept,
        }
        return JsonResponse(body, status=422)
