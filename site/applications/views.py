"""Views of the applicant's side: the form page, drafts, and the private file download.

Views only read the request, call :mod:`applications.services` and render; every change of
data happens in a service.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.contrib import messages
from django.forms.utils import ErrorDict
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.throttle import form_posts_within_limit, note_form_post
from accounts.two_factor import fully_signed_in
from applications.acceptance import receive_submission
from applications.forms import ApplicationForm
from applications.maintenance import draft_lifetime
from applications.models import Draft, Upload
from applications.permissions import can_download
from applications.services import (
    SubmissionRefused,
    keep_valid_uploads,
    pending_uploads,
    save_draft,
)
from base.zones import format_datetime
from portal.session import get_signed_in_person
from workflows.engine.actors import Actor

#: A signed cookie (not the session: no database write, and no session for an anonymous
#: applicant) says which form this browser just submitted, so that only it sees the
#: "received" page of ``?submitted=1``.
SUBMITTED_COOKIE = "careersteps_submitted"
SUBMITTED_COOKIE_SALT = "applications.views.submitted"
SUBMITTED_COOKIE_SECONDS = 3600


def _just_submitted(request: HttpRequest, page) -> bool:
    value = request.get_signed_cookie(
        SUBMITTED_COOKIE, default=None, salt=SUBMITTED_COOKIE_SALT, max_age=SUBMITTED_COOKIE_SECONDS
    )
    return value == str(page.pk)


def _redirect_to_submitted(page) -> HttpResponse:
    response = redirect(page.url + "?submitted=1")
    response.set_signed_cookie(
        SUBMITTED_COOKIE,
        str(page.pk),
        salt=SUBMITTED_COOKIE_SALT,
        max_age=SUBMITTED_COOKIE_SECONDS,
        path=urlsplit(page.url).path or "/",  # this form's page only
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def _draft_from(token: str | None, page) -> Draft | None:
    if not token:
        return None
    return (
        live_drafts()
        .filter(
            token=token,
            form_page__translation_key=page.translation_key,
            submitted_at__isnull=True,
        )
        .first()
    )


def live_drafts():
    """Drafts not yet past their lifetime (older ones are purged by a daily task)."""
    return Draft.objects.filter(updated_at__gte=timezone.now() - draft_lifetime())


def _draft_querydict(draft: Draft) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in draft.data.items():
        data.setlist(name, values)
    return data


def cohort_context(page, request: HttpRequest) -> dict:
    """The form's cohort (in the form's language), its window and dates, for the form and
    confirmation pages: the deadline with its zone in the reader's language."""
    cohort = page.get_cohort()
    source = page.get_source_cohort()
    status = source.application_status()
    return {
        "cohort": cohort,
        "cohort_url": cohort.get_url(request=request),
        "window": status.value,  # "upcoming" | "open" | "closed"
        "opens_at": source.application_opens_at,
        "closes_at": source.application_closes_at,
        "opens_at_text": format_datetime(source.application_opens_at),
        "closes_at_text": format_datetime(source.application_closes_at),
        "programme_starts_on": source.programme_starts_on,
    }


def _render(request, page, form, draft: Draft | None, status: int = 200) -> TemplateResponse:
    context = page.get_context(request)
    context.update(cohort_context(page, request))
    context.update({"form": form, "draft": draft})
    context["window_closed"] = context["window"] != "open"
    form.annotate_for_assistive_technology()
    return TemplateResponse(request, page.get_template(request), context, status=status)


def _render_submitted(request, page) -> TemplateResponse:
    context = page.get_context(request)
    context.update(cohort_context(page, request))
    return TemplateResponse(request, "applications/application_submitted.html", context)


def serve_form_page(page, request: HttpRequest) -> HttpResponse:
    """GET shows the form (resumed from a draft with ``?draft=<token>``); POST saves a draft
    or submits. A refused or invalid submission keeps everything entered, files included.
    A closed cohort's form takes nothing: it says so and links back to the cohort."""
    if request.method != "POST":
        if request.GET.get("submitted") and _just_submitted(request, page):
            return _render_submitted(request, page)
        draft = _draft_from(request.GET.get("draft"), page)
        if draft is not None:
            form = ApplicationForm(
                page, data=_draft_querydict(draft), pending_uploads=pending_uploads({}, draft)
            )
            # Show the draft's answers without judging them yet: no errors on resume.
            form._errors = ErrorDict()
            form.cleaned_data = {}
            for key in form.file_keys:
                if key in form.pending_uploads:
                    form.fields[key].required = False
        else:
            form = ApplicationForm(page)
        return _render(request, page, form, draft)

    draft = _draft_from(request.POST.get("draft_token"), page)
    if not form_posts_within_limit(request):
        # Too many posts from this network: nothing stored (files included), answers shown back.
        form = ApplicationForm(page, request.POST, pending_uploads=pending_uploads({}, draft))
        form._errors = ErrorDict()
        form.cleaned_data = {}
        form.add_error(
            None,
            _(
                "Too many applications were sent from your network in the last few minutes. "
                "Please wait a few minutes and send the form again."
            ),
        )
        return _render(request, page, form, draft, status=429)
    form = ApplicationForm(
        page, request.POST, request.FILES, pending_uploads=pending_uploads(request.POST, draft)
    )
    valid = form.is_valid()
    closed = page.get_source_cohort().application_status() == "closed"
    if valid and not closed and request.POST.get("action") != "save_draft":
        try:
            # One write (the CV, the answers, the queued task); the worker creates the
            # application and finds a duplicate, answered here exactly like a new application.
            receive_submission(
                form_page=page,
                form=form,
                actor=Actor.from_request(request),
                draft=draft,
                also=lambda: note_form_post(request),  # the rate limit, in the same write
            )
        except SubmissionRefused as refusal:
            note_form_post(request)
            keep_valid_uploads(form, draft)
            for key, reason in refusal.errors.items():
                form.add_error(None if key == "__all__" or key not in form.fields else key, reason)
            return _render(request, page, form, draft, status=422)
        return _redirect_to_submitted(page)

    note_form_post(request)
    keep_valid_uploads(form, draft)  # whatever else happens, a file that passed is kept
    if closed:
        # A form left open in a tab past the deadline: nothing is saved or sent, but the
        # answers are shown again (read them, copy them) under the "closed" notice.
        return _render(request, page, form, draft, status=422)

    if request.POST.get("action") == "save_draft":
        draft, emailed = save_draft(
            form_page=page, data=request.POST, uploads=form.pending_uploads, draft=draft
        )
        context = page.get_context(request)
        context.update({"draft": draft, "emailed": emailed})
        return TemplateResponse(request, "applications/draft_saved.html", context)

    return _render(request, page, form, draft, status=422)


def resume_draft(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the draft email: opens the form (in its language) with the draft loaded.
    Once the application was sent, the link says so and points to the portal."""
    draft = get_object_or_404(live_drafts().select_related("form_page"), token=token)
    page = draft.form_page.specific
    if draft.submitted_at is not None:
        context = page.get_context(request)
        context.update(cohort_context(page, request))
        context["draft"] = draft
        return TemplateResponse(request, "applications/draft_already_sent.html", context)
    messages.info(request, _("Welcome back. Your answers so far are filled in."))
    return redirect(f"{page.url}?draft={draft.token}")


def content_disposition(filename: str) -> str:
    """``attachment`` with an ASCII fallback and the exact name per RFC 5987 (``filename*``)."""
    ascii_name = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode("ascii")
    ascii_name = "".join(c for c in ascii_name if c.isalnum() or c in " ._-()").strip() or "file"
    if not ascii_name.lower().endswith(".pdf"):
        ascii_name += ".pdf"
    utf8_name = filename if filename.lower().endswith(".pdf") else f"{filename}.pdf"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(utf8_name, safe='')}"


@require_GET
def download_upload(request: HttpRequest, pk: int) -> HttpResponse:
    """A private file, for the applicant, the cohort's coordinators and assigned reviewers;
    404 for anyone else (whether or not the file exists)."""
    upload = Upload.objects.select_related("application__cohort").filter(pk=pk).first()
    if upload is None:
        raise Http404
    # Staff count only past their second factor (a password alone opens no CV).
    user = request.user if fully_signed_in(request.user) else None
    allowed, _reason = can_download(user, get_signed_in_person(request), upload)
    if not allowed:
        raise Http404
    response = FileResponse(upload.file.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(upload.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
