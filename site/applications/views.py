"""Views of the applicant's side: the form page, drafts, and the private file download.

Views only read the request, call :mod:`applications.services` and render; every change of
data happens in a service.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import quote

from django.contrib import messages
from django.forms.utils import ErrorDict
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from accounts.throttle import form_posts_allowed
from accounts.two_factor import fully_signed_in
from applications.forms import ApplicationForm
from applications.maintenance import draft_lifetime
from applications.models import Draft, Upload
from applications.permissions import can_download
from applications.services import (
    AlreadyApplied,
    SubmissionRefused,
    keep_valid_uploads,
    pending_uploads,
    save_draft,
    submit_application,
)
from base.zones import format_datetime
from portal.session import get_signed_in_person
from workflows.engine.actors import Actor

SUBMITTED_SESSION_KEY = "applications_submitted"


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
        if request.GET.get("submitted") and request.session.get(SUBMITTED_SESSION_KEY) == page.pk:
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
    if not form_posts_allowed(request):
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
    keep_valid_uploads(form, draft)

    if page.get_source_cohort().application_status() == "closed":
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

    if valid:
        try:
            submit_application(
                form_page=page,
                cleaned=form.cleaned_data,
                uploads=form.pending_uploads,
                actor=Actor.from_request(request),
                draft=draft,
                form_snapshot=form.definition(),
            )
        except SubmissionRefused as refusal:
            for key, reason in refusal.errors.items():
                form.add_error(None if key == "__all__" or key not in form.fields else key, reason)
        except AlreadyApplied:
            pass  # answered exactly like a new application; the address's owner was emailed
        if not form.errors:
            request.session[SUBMITTED_SESSION_KEY] = page.pk
            return redirect(page.url + "?submitted=1")
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
