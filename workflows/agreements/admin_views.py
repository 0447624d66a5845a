"""Coordinators' agreement screens in the Wagtail admin: draft, edit, issue, countersign, void,
download. An agreement of a cohort the user does not coordinate is a 404."""

from __future__ import annotations

from django import forms as django_forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workflows.agreements import drafting, permissions, services
from workflows.agreements.lifecycle import DRAFT, ISSUED, OPEN
from workflows.agreements.models import Agreement, SigningEvent
from workflows.agreements.views import pdf_response, still_to_sign_labels
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match
from workflows.roles import COORDINATOR, agreement_roles, is_coordinator, match_roles


class CountersignForm(django_forms.Form):
    typed_name = django_forms.CharField(label=gettext_lazy("Type your full name"), max_length=200)
    sha256 = django_forms.CharField(widget=django_forms.HiddenInput)


class ReasonForm(django_forms.Form):
    reason = django_forms.CharField(
        label=gettext_lazy("Reason"), widget=django_forms.Textarea(attrs={"rows": 2})
    )


def _require_coordinator(request: HttpRequest) -> None:
    if not is_coordinator(request.user):
        raise Http404


def coordinated_agreement(request: HttpRequest, pk: int) -> Agreement:
    _require_coordinator(request)
    agreement = get_object_or_404(
        Agreement.objects.select_related(
            "match__mentee_application__person", "match__mentor_application__person"
        ),
        pk=pk,
    )
    if not permissions.is_coordinator_for(request.user, agreement):
        raise Http404
    return agreement


def agreement_index(request: HttpRequest) -> HttpResponse:
    _require_coordinator(request)
    actor = Actor(user=request.user)
    agreements = [
        a
        for a in Agreement.objects.select_related(
            "match__mentee_application__person",
            "match__mentee_application__cohort",  # the coordinator check reads it
            "match__mentor_application__person",
        )
        .prefetch_related("signatures")  # still to sign, per row
        .order_by("-created_at")[:500]
        if COORDINATOR in agreement_roles(actor, a)
    ]
    with_open = set(Agreement.objects.filter(state__in=OPEN).values_list("match_id", flat=True))
    waiting = [
        m
        for m in Match.objects.filter(state=CONFIRMED)
        .exclude(pk__in=with_open)
        .select_related(
            "mentee_application__person",
            "mentee_application__cohort",
            "mentor_application__person",
        )
        if COORDINATOR in match_roles(actor, m)
    ]
    rows = [{"agreement": a, "still_to_sign": still_to_sign_labels(a)} for a in agreements]
    return render(
        request,
        "agreements/admin/index.html",
        {"rows": rows, "waiting": waiting, "page_title": _("Agreements")},
    )


def draft_for_match(request: HttpRequest, match_pk: int) -> HttpResponse:
    _require_coordinator(request)
    match = get_object_or_404(Match, pk=match_pk)
    if COORDINATOR not in match_roles(Actor(user=request.user), match):
        raise Http404
    if request.method != "POST":
        return redirect("agreements_admin:index")
    try:
        agreement = services.create_draft(match, Actor.from_request(request))
    except TransitionError as error:
        messages.error(request, error.reason)
        return redirect("agreements_admin:index")
    return redirect("agreements_admin:detail", pk=agreement.pk)


def _edit_form_class(agreement: Agreement):
    fields = {
        language: django_forms.CharField(
            label=language.upper(),
            widget=django_forms.Textarea(attrs={"rows": 18, "class": "agreement-text"}),
            help_text=_("A line starting with ## begins a clause (its heading)."),
        )
        for language in agreement.languages
    }
    return type("DraftForm", (django_forms.Form,), fields)


def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = coordinated_agreement(request, pk)
    DraftForm = _edit_form_class(agreement)
    draft_form = DraftForm(
        initial={
            lang: drafting.as_editable(agreement.draft_text.get(lang, []))
            for lang in agreement.languages
        }
    )
    countersign_form = CountersignForm(initial={"sha256": agreement.issued_sha256})
    reason_form = ReasonForm()
    actor = Actor.from_request(request)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "save" or action == "save_issue":
                draft_form = DraftForm(request.POST)
                if not draft_form.is_valid():
                    raise TransitionError(_("Please correct the text."))
                services.update_draft(
                    agreement,
                    {
                        lang: drafting.from_editable(draft_form.cleaned_data[lang])
                        for lang in agreement.languages
                    },
                )
                if action == "save_issue":
                    services.issue(agreement, actor)
                    messages.success(request, _("The agreement is issued; the parties are told."))
                else:
                    messages.success(request, _("The draft is saved."))
            elif action == "countersign":
                countersign_form = CountersignForm(request.POST)
                if not countersign_form.is_valid():
                    raise TransitionError(_("Please type your full name."))
                services.sign(
                    agreement,
                    COORDINATOR,
                    actor,
                    typed_name=countersign_form.cleaned_data["typed_name"],
                    shown_sha256=countersign_form.cleaned_data["sha256"],
                    method=SigningEvent.Method.STAFF_LOGIN,
                )
                messages.success(
                    request, _("You have countersigned; the sealed PDF is being made.")
                )
            elif action in ("void", "revise"):
                reason_form = ReasonForm(request.POST)
                if not reason_form.is_valid():
                    raise TransitionError(_("Please give a reason."))
                if action == "void":
                    successor = services.void(agreement, actor, reason_form.cleaned_data["reason"])
                    messages.success(request, _("Voided; a new version was drafted."))
                    return redirect("agreements_admin:detail", pk=successor.pk)
                services.revise(agreement, actor, reason_form.cleaned_data["reason"])
            else:
                raise TransitionError(_("There is no such step."))
        except TransitionError as error:
            messages.error(request, error.reason)
        else:
            return redirect("agreements_admin:detail", pk=agreement.pk)
    can_issue, issue_refusal = permissions.can_issue(agreement)
    can_countersign, countersign_refusal = permissions.can_sign(
        agreement, COORDINATOR, agreement.issued_sha256
    )
    return render(
        request,
        "agreements/admin/detail.html",
        {
            "page_title": _("Agreement %(reference)s") % {"reference": agreement.reference},
            "agreement": agreement,
            "draft_form": draft_form if agreement.state == DRAFT else None,
            "can_issue": can_issue,
            "issue_refusal": issue_refusal,
            "can_countersign": can_countersign and COORDINATOR in agreement.order,
            "countersign_form": countersign_form,
            "countersign_refusal": countersign_refusal,
            "can_revise": agreement.state == ISSUED and not agreement.signatures.exists(),
            "can_void": agreement.state in OPEN,
            "reason_form": reason_form,
            "still_to_sign": still_to_sign_labels(agreement),
            "signatures": agreement.signatures.all(),
            "proposals": agreement.change_proposals.all(),
            "placeholders": drafting.PLACEHOLDERS,
        },
    )


def agreement_pdf(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    agreement = coordinated_agreement(request, pk)
    if kind == "sealed" and agreement.sealed_sha256:
        return pdf_response(agreement.sealed_pdf, f"{agreement.reference}-signed.pdf", inline=False)
    if kind == "issued" and agreement.issued_sha256:
        return pdf_response(agreement.issued_pdf, f"{agreement.reference}.pdf", inline=True)
    raise Http404
