"""Headless API for application forms (django-ninja, mounted on Wagtail's v3 API).

* ``GET  /api/v3/forms/``: the live forms, in the requested language;
* ``GET  /api/v3/forms/{id}/``: one form's schema in the requested language
  (``?locale=de``, else the ``Accept-Language`` header);
* ``POST /api/v3/forms/{id}/submissions/``: multipart answers under the stable keys (the CV
  as a file part); 201 with the application id, or 422 with ``errors`` keyed by field key
  and translated into the requested language.

Submissions run through the same form and service as the HTML page.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from ninja import Router, Schema, Status
from wagtail.models import Locale

from applications.forms import ApplicationForm
from applications.models import ApplicationFormPage
from applications.services import (
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


class FormSchema(Schema):
    page_id: int
    translation_key: str
    locale: str
    revision_id: int | None
    role: str
    title: str
    questions: list[dict[str, Any]]


class SubmissionCreated(Schema):
    application_id: int
    state: str


class Errors(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


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
    return page.form_definition()


MULTIPART = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "description": "One part per field name of the form schema (`fields[].name`);"
                    " repeated parts for multiple choices; the CV as a file part (PDF).",
                    "additionalProperties": True,
                }
            }
        },
        "required": True,
    }
}


@router.post(
    "/{form_id}/submissions/",
    response={201: SubmissionCreated, 400: Errors, 404: Errors, 422: Errors},
    summary="Submit an application",
    operation_id="forms_submit",
    openapi_extra=MULTIPART,
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
    with translation.override(language):
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
                application = submit_application(
                    form_page=page,
                    cleaned=form.cleaned_data,
                    uploads=form.pending_uploads,
                    actor=Actor.from_request(request),
                )
            except SubmissionRefused as refusal:
                errors = {key: [reason] for key, reason in refusal.errors.items()}
            else:
                return Status(201, {"application_id": application.pk, "state": application.state})
        kept = {key: upload.token for key, upload in form.pending_uploads.items()}
        body = {
            "detail": str(translation.gettext("The application was not saved.")),
            "errors": errors,
            "kept_uploads": kept,
        }
        return JsonResponse(body, status=422)
