"""Views of the applicant portal. Thin: they check who asks and call services.

Every view that shows or changes an application loads it by primary key *and* the signed-in
person, so another applicant's application is a 404, indistinguishable from one that does not
exist.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Locale

from applications.admin.answers import answer_rows
from applications.models import Application, PrivacyNotice
from applications.services import amend_application
from applications.uploads import keep_valid_uploads
from consents.models import ConsentRecord
from consents.permissions import can_change_consent
from consents.purposes import get_purpose
from consents.services import change_optional_consent, current_consents
from portal import session, signin
from portal.forms import (
    AmendNoteForm,
    SignInForm,
    WithdrawForm,
    amend_form_class,
    answers_form,
)
from portal.localized import localized_many
from portal.permissions import can_amend, can_withdraw
from portal.services import withdraw_application
from portal.timeline import timeline_for, timelines_for
from portal.waiting import waiting_submissions
from workflows.access.network import client_ip
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError
from workflows.lifecycles.application import CHANGES_REQUESTED


def applicant_required(view: Callable) -> Callable:
    """Sign-in wall: the signed-in person is ``request.portal_person`` inside the view."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        person = session.get_signed_in_person(request)
        if person is None:
            return redirect("portal:sign_in")
        request.portal_person = person
        return view(request, *args, **kwargs)

    return never_cache(wrapper)


def own_application(request: HttpRequest, pk: int) -> Application:
    """The application ``pk`` if it belongs to the signed-in person, else 404."""
    return get_object_or_404(
        Application.objects.select_related("cohort", "person"),
        pk=pk,
        person=request.portal_person,
    )


# Sign-in and sign-out ------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    if session.get_signed_in_person(request) is not None and request.method == "GET":
        return redirect("portal:dashboard")
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def link_for(token: str, language: str) -> str:
            with translation.override(language):
                path = reverse("portal:sign_in_confirm", kwargs={"token": token})
            return request.build_absolute_uri(path)

        result = signin.request_sign_in_link(
            email=form.cleaned_data["email"], ip=client_ip(request), link_for=link_for
        )
        if result.allowed:
            return redirect("portal:sign_in_sent")
        form.add_error(None, result.reason)
        return render(request, "portal/sign_in.html", {"form": form}, status=429)
    return render(request, "portal/sign_in.html", {"form": form})


@never_cache
def sign_in_sent(request: HttpRequest) -> HttpResponse:
    minutes = int(signin.TOKEN_LIFETIME.total_seconds() // 60)
    return render(request, "portal/sign_in_sent.html", {"minutes": minutes})


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button (mail scanners follow links); the POST uses the token."""
    if request.method == "GET":
        if signin.find_usable_token(token) is None:
            return render(request, "portal/sign_in_invalid.html", status=410)
        return render(request, "portal/sign_in_confirm.html")
    person = signin.consume_sign_in_token(token, ip=client_ip(request))
    if person is None:
        return render(request, "portal/sign_in_invalid.html", status=410)
    session.sign_in(request, person)
    messages.success(request, _("You are signed in."))
    return redirect("portal:dashboard")


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    session.sign_out(request)
    messages.info(request, _("You are signed out."))
    return redirect("portal:sign_in")


# Applications -------------------------------------------------------------------------------


@applicant_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Every application of the signed-in person with its timeline, and above them the
    submissions the worker has not accepted yet (``portal.waiting``); the histories and the
    cohorts' titles in the reader's language are read once for all of them."""
    person = request.portal_person
    applications = list(person.applications.select_related("cohort").order_by("-submitted_at"))
    waiting = waiting_submissions(person, applications)
    timelines = timelines_for(applications)
    cohorts = localized_many(
        [application.cohort for application in applications]
        + [submission.cohort for submission in waiting]
    )
    items = [
        {
            "application": application,
            "cohort": cohorts[application.cohort_id],
            "timeline": timelines[application.pk],
            "can_withdraw": can_withdraw(person, application)[0],
            "can_amend": can_amend(person, application)[0],
        }
        for application in applications
    ]
    waiting_items = [
        {"submission": submission, "cohort": cohorts[submission.cohort.pk]}
        for submission in waiting
    ]
    return render(
        request,
        "portal/dashboard.html",
        {"person": person, "items": items, "waiting_items": waiting_items},
    )


@applicant_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = own_application(request, pk)
    person = request.portal_person
    return render(
        request,
        "portal/application_detail.html",
        {
            "application": application,
            "answers": answer_rows(application),
            "timeline": timeline_for(application),
            "can_withdraw": can_withdraw(person, application)[0],
            "can_amend": can_amend(person, application)[0],
        },
    )


@applicant_required
@require_http_methods(["GET", "POST"])
def application_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """A confirmation page (GET), then the withdrawal (POST)."""
    application = own_application(request, pk)
    person = request.portal_person
    allowed, reason = can_withdraw(person, application)
    form = WithdrawForm(request.POST or None)
    if allowed and request.method == "POST" and form.is_valid():
        try:
            withdraw_application(
                application,
                Actor.from_request(request, person=person),
                reason=form.cleaned_data["reason"],
            )
        except TransitionError as error:
            allowed, reason = False, error.reason
        else:
            messages.success(request, _("Your application was withdrawn."))
            return redirect("portal:application_detail", pk=application.pk)
    context = {"application": application, "form": form, "allowed": allowed, "reason": reason}
    status = 200 if allowed else 409
    return render(request, "portal/application_withdraw.html", context, status=status)


@applicant_required
@require_http_methods(["GET", "POST"])
def application_amend(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit the answers when changes were requested, and send them back for review.

    An application submitted through a form page is amended with that page's own form (the
    applications app's validation, files included); one without (imported, or made in the
    admin) with a form over its editable fields.
    """
    application = own_application(request, pk)
    person = request.portal_person
    allowed, reason = can_amend(person, application)
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    uses_answers_form = application.form_page_id is not None
    if uses_answers_form:
        form = answers_form(application, data, files)
    else:
        form = amend_form_class()(data, instance=application)
    note_form = AmendNoteForm(data)
    if allowed and request.method == "POST":
        valid = form.is_valid() & note_form.is_valid()
        if uses_answers_form:
            keep_valid_uploads(form)  # a valid new file is kept even if other answers fail
        if valid:
            actor = Actor.from_request(request, person=person)
            note = note_form.cleaned_data["note"]
            try:
                amend_application(application, actor, form=form, note=note)
            except TransitionError as error:
                allowed, reason = False, error.reason
            else:
                messages.success(request, _("Thank you: your changes were sent for review."))
                return redirect("portal:application_detail", pk=application.pk)
    if uses_answers_form:
        form.annotate_for_assistive_technology()
    context = {
        "application": application,
        "form": form,
        "note_form": note_form,
        "uses_answers_form": uses_answers_form,
        "allowed": allowed,
        "reason": reason,
        "request_message": _latest_request_message(application),
    }
    if not allowed:
        status = 409
    elif request.method == "POST":
        status = 422
    else:
        status = 200
    return render(request, "portal/application_amend.html", context, status=status)


def _latest_request_message(application: Application) -> str:
    """What the coordinators asked the applicant to change (the latest such message)."""
    for item in reversed(timeline_for(application)):
        if item.state == CHANGES_REQUESTED and item.message:
            return item.message
    return ""


# Privacy: consents ---------------------------------------------------------------------------


def _optional_url(*names: str) -> str:
    """The first of ``names`` that resolves (the privacy app's export and erasure pages may or
    may not be installed), else ""."""
    for name in names:
        try:
            return reverse(name)
        except NoReverseMatch:
            continue
    return ""


@applicant_required
@require_http_methods(["GET", "POST"])
def consents(request: HttpRequest) -> HttpResponse:
    """Each purpose with the signed-in person's current answer (when, which notice version);
    optional ones can be given or withdrawn here (POST, CSRF-protected)."""
    person = request.portal_person
    notice = PrivacyNotice.current(Locale.get_active())
    if request.method == "POST":
        key = request.POST.get("purpose", "")
        action = request.POST.get("action", "")
        if action not in {"give", "withdraw"}:
            return HttpResponseBadRequest(_("Unknown action."))
        allowed, reason = can_change_consent(person, key)
        if not allowed:
            messages.error(request, reason)
            return redirect("portal:consents")
        granted = action == "give"
        change_optional_consent(
            person,
            key,
            granted=granted,
            notice_version=notice.version if notice else "",
            actor=Actor.from_request(request, person=person),
        )
        label = get_purpose(key).label
        if granted:
            messages.success(
                request, _("Thank you: you agreed to “%(purpose)s”.") % {"purpose": label}
            )
        else:
            messages.success(
                request, _("You withdrew your consent to “%(purpose)s”.") % {"purpose": label}
            )
        return redirect("portal:consents")
    return render(
        request,
        "portal/consents.html",
        {
            "person": person,
            "states": current_consents(person),
            "records": ConsentRecord.objects.filter(person=person).order_by("-recorded_at", "-pk"),
            "notice": notice,
            "export_url": _optional_url("privacy:export-mine"),
            # The erasure request itself is a POST on the privacy page (or its own page).
            "erasure_url": _optional_url("privacy:erasure-request", "privacy:overview"),
            "privacy_url": _optional_url("privacy:overview"),
        },
    )
