"""Participants' agreement screens in the portal, and the public verification page.

Every participant view loads the agreement through :func:`own_agreement`: the signed-in
person must be its mentee or mentor, otherwise 404 (a stranger, another pair's mentee, a
reviewer: indistinguishable from an agreement that does not exist).
"""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_http_methods, require_POST

from portal.views import applicant_required
from workflows.agreements import forms, permissions, services, verification
from workflows.agreements.lifecycle import DRAFT
from workflows.agreements.models import Agreement, SigningEvent
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError
from workflows.roles import ROLE_LABELS


def _agreements_of(person):
    return Agreement.objects.select_related(
        "match__mentee_application__person", "match__mentor_application__person", "match__cohort"
    ).filter(
        Q(match__mentee_application__person=person) | Q(match__mentor_application__person=person)
    )


def own_agreement(request: HttpRequest, pk: int) -> tuple[Agreement, str]:
    agreement = _agreements_of(request.portal_person).filter(pk=pk).first()
    role = permissions.party_role(request.portal_person, agreement) if agreement else None
    if agreement is None or role is None:
        raise Http404
    return agreement, role


def pdf_response(data: bytes, filename: str, *, inline: bool) -> HttpResponse:
    response = HttpResponse(bytes(data), content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def still_to_sign_labels(agreement: Agreement) -> list[str]:
    return [str(ROLE_LABELS[role]) for role in permissions.still_to_sign(agreement)]


@applicant_required
def agreement_list(request: HttpRequest) -> HttpResponse:
    agreements = [
        {"agreement": a, "still_to_sign": still_to_sign_labels(a)}
        for a in _agreements_of(request.portal_person)
        .prefetch_related("signatures")  # still to sign, per row
        .order_by("-created_at")
    ]
    return render(request, "agreements/portal/list.html", {"agreements": agreements})


def _detail_context(request, agreement, role, **forms_given) -> dict:
    shown = agreement.issued_sha256
    can_sign, sign_reason = permissions.can_sign(agreement, role, shown)
    can_reject, _reason = permissions.can_reject(agreement, role)
    can_propose, _reason = permissions.can_propose_change(agreement)
    language = translation.get_language()
    text = agreement.draft_text if agreement.state == DRAFT else agreement.issued_text
    clauses = text.get(language) or text.get(agreement.languages[0], []) if text else []
    return {
        "agreement": agreement,
        "role": role,
        "role_label": ROLE_LABELS[role],
        "clauses": clauses,
        "still_to_sign": still_to_sign_labels(agreement),
        "signatures": agreement.signatures.all(),
        "can_sign": can_sign,
        "sign_refusal": "" if can_sign else sign_reason,
        "can_reject": can_reject,
        "can_propose": can_propose,
        "sign_form": forms_given.get("sign_form") or forms.SignForm(initial={"sha256": shown}),
        "reject_form": forms_given.get("reject_form") or forms.RejectForm(),
        "proposal_form": forms_given.get("proposal_form") or forms.ProposalForm(),
        "proposals": agreement.change_proposals.all(),
    }


@applicant_required
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, role = own_agreement(request, pk)
    return render(
        request, "agreements/portal/detail.html", _detail_context(request, agreement, role)
    )


def _actor(request) -> Actor:
    return Actor.from_request(request, person=request.portal_person)


@applicant_required
@require_POST
def agreement_sign(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, role = own_agreement(request, pk)
    form = forms.SignForm(request.POST)
    if form.is_valid():
        try:
            services.sign(
                agreement,
                role,
                _actor(request),
                typed_name=form.cleaned_data["typed_name"],
                shown_sha256=form.cleaned_data["sha256"],
                method=SigningEvent.Method.PORTAL_LINK,
            )
        except TransitionError as error:
            form.add_error("typed_name", error.reason)
        else:
            messages.success(request, _("Thank you: you have signed the agreement."))
            return redirect("agreements:detail", pk=agreement.pk)
    context = _detail_context(request, agreement, role, sign_form=form)
    return render(request, "agreements/portal/detail.html", context, status=400)


@applicant_required
@require_POST
def agreement_reject(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, role = own_agreement(request, pk)
    form = forms.RejectForm(request.POST)
    if form.is_valid():
        try:
            services.reject(agreement, role, _actor(request), form.cleaned_data["reason"])
        except TransitionError as error:
            form.add_error("reason", error.reason)
        else:
            messages.success(
                request, _("You have rejected the agreement. Everyone involved is told.")
            )
            return redirect("agreements:detail", pk=agreement.pk)
    context = _detail_context(request, agreement, role, reject_form=form)
    return render(request, "agreements/portal/detail.html", context, status=400)


@applicant_required
@require_POST
def agreement_propose(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, role = own_agreement(request, pk)
    form = forms.ProposalForm(request.POST)
    if form.is_valid():
        try:
            services.propose_change(
                agreement,
                role,
                request.portal_person,
                form.cleaned_data["text"],
                form.cleaned_data["reason"],
            )
        except TransitionError as error:
            form.add_error("text", error.reason)
        else:
            messages.success(request, _("Thank you: the coordinator will consider your proposal."))
            return redirect("agreements:detail", pk=agreement.pk)
    context = _detail_context(request, agreement, role, proposal_form=form)
    return render(request, "agreements/portal/detail.html", context, status=400)


@xframe_options_sameorigin
@applicant_required
def agreement_issued_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, _role = own_agreement(request, pk)
    if not agreement.issued_sha256:
        raise Http404
    return pdf_response(agreement.issued_pdf, f"{agreement.reference}.pdf", inline=True)


@applicant_required
def agreement_sealed_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    agreement, _role = own_agreement(request, pk)
    if not agreement.sealed_sha256:
        raise Http404
    return pdf_response(agreement.sealed_pdf, f"{agreement.reference}-signed.pdf", inline=False)


# The public verification page ----------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest, code: str = "") -> HttpResponse:
    finding = verification.check_code(code) if code else None
    form = forms.VerifyForm()
    status = 200
    if request.method == "POST":
        form = forms.VerifyForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data.get("document")
            if upload is not None:
                finding = verification.check_pdf(upload.read())
            else:
                finding = verification.check_hash(form.cleaned_data["sha256"])
        else:
            status = 400
    return render(
        request,
        "agreements/verify.html",
        {"form": form, "finding": finding, "code": code},
        status=status,
    )


def short_verify(request: HttpRequest, code: str) -> HttpResponse:
    """``/v/<code>/``, the URL printed on every page: on to the page in the visitor's language."""
    language = translation.get_language_from_request(request)
    with translation.override(language):
        return redirect(reverse("agreements:verify_code", args=[code]))
