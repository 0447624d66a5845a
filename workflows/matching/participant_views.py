"""Participants' side of a match in the portal: see the proposed partner, confirm or decline.

Mentees and mentors sign in to the same passwordless portal (:mod:`portal.session`). A match
is loaded by primary key *and* the signed-in person (as mentee or mentor), so anyone else's
match is a 404; proposals nobody has approved yet are not shown.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from portal.views import applicant_required
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError
from workflows.matching import services
from workflows.matching.lifecycle import PROPOSED
from workflows.matching.models import Match


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why do you decline? (the coordinators read this)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


def own_match(request: HttpRequest, pk: int) -> Match:
    person = request.portal_person
    match = get_object_or_404(
        services.participant_matches(person).filter(
            Q(mentee_application__person=person) | Q(mentor_application__person=person)
        ),
        pk=pk,
    )
    if match.state == PROPOSED:
        raise Http404
    return match


def partner_of(match: Match, person) -> tuple[str, object]:
    if match.mentee_application.person_id == person.pk:
        return "mentee", match.mentor_application
    return "mentor", match.mentee_application


@applicant_required
def match_list(request: HttpRequest) -> HttpResponse:
    person = request.portal_person
    items = [
        {"match": m, "partner": partner_of(m, person)[1]}
        for m in services.participant_matches(person)
    ]
    return render(request, "matching/portal/list.html", {"items": items})


@applicant_required
@require_http_methods(["GET", "POST"])
def match_detail(request: HttpRequest, pk: int) -> HttpResponse:
    match = own_match(request, pk)
    person = request.portal_person
    role, partner = partner_of(match, person)
    form = DeclineForm(request.POST if request.POST.get("action") == "decline" else None)
    status = 200
    error = ""
    if request.method == "POST":
        actor = Actor.from_request(request, person=person)
        action = request.POST.get("action")
        try:
            if action == "confirm":
                services.confirm(match, actor)
                messages.success(request, _("Thank you: you confirmed the tandem."))
                return redirect("matching:detail", pk=match.pk)
            if action == "decline" and form.is_valid():
                services.decline(match, actor, form.cleaned_data["reason"])
                messages.success(request, _("You declined the tandem. The coordinators know."))
                return redirect("matching:detail", pk=match.pk)
            if action not in ("confirm", "decline"):
                error, status = _("There is no such step."), 400
            else:
                status = 400
        except TransitionError as refused:
            error, status = refused.reason, 409
    context = {
        "match": match,
        "role": role,
        "partner": partner,
        "profile": getattr(partner, "profile", None),
        "languages": partner.languages.all(),
        "actions": services.participant_actions(match, person),
        "form": form,
        "error": error,
    }
    return render(request, "matching/portal/detail.html", context, status=status)
