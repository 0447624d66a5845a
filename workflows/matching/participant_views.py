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
    from workflows.matching.say import say_allowed

    say = [
        application
        for application in person.applications.select_related("cohort")
        if say_allowed(application)[0]
    ]
    _cohort_titles([item["match"].cohort for item in items] + [a.cohort for a in say])
    return render(request, "matching/portal/list.html", {"items": items, "say": say})


def _cohort_titles(cohorts: list) -> None:
    """Set ``title_in_language`` on each cohort, the titles looked up in one query (the
    template's ``cohort.localized`` was one per row); a translation in draft is not shown."""
    from base.translated import translated, translations

    found = translations(type(cohorts[0]), cohorts) if cohorts else {}
    live = {key: page for key, page in found.items() if page.live}
    for cohort in cohorts:
        cohort.title_in_language = translated(cohort, live).title


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
        "partner_languages": partner.languages.all(),
        "actions": services.participant_actions(match, person),
        "form": form,
        "error": error,
    }
    return render(request, "matching/portal/detail.html", context, status=status)


def own_accepted(request: HttpRequest, pk: int, role: str):
    from applications.models import Application

    return get_object_or_404(
        Application.objects.select_related("cohort", "profile"),
        pk=pk,
        person=request.portal_person,
        role=role,
    )


@applicant_required
@require_http_methods(["GET", "POST"])
def mentee_wishes(request: HttpRequest, pk: int) -> HttpResponse:
    """A mentee ranks up to five anonymised mentor profiles or vetoes some."""
    from workflows.matching import say
    from workflows.matching.availability import spans, week_grid
    from workflows.matching.inputs import slot_minutes
    from workflows.matching.models import MenteeRanking

    mentee = own_accepted(request, pk, "mentee")
    allowed, reason = say.say_allowed(mentee)
    profiles = say.anonymised_mentors(mentee) if allowed else []
    zone = mentee.profile.timezone
    for item in profiles:
        slots = [slot_minutes(s) for s in item["application"].availability.all()]
        grid = week_grid(
            slots, item["application"].profile.timezone, zone, mentee.cohort.programme_starts_on
        )
        item["hours"] = spans(grid)
    error, status = "", 200
    if request.method == "POST" and allowed:
        ranks, vetoes = {}, set()
        for item in profiles:
            key = item["application"].pk
            value = request.POST.get(f"rank_{key}", "")
            if value.isdigit():
                ranks[key] = int(value)
            if request.POST.get(f"veto_{key}"):
                vetoes.add(key)
        try:
            say.save_rankings(mentee, ranks, vetoes)
        except TransitionError as refused:
            error, status = refused.reason, 400
        else:
            messages.success(request, _("Thank you: your preferences were saved."))
            return redirect("matching:wishes", pk=mentee.pk)
    saved = {
        r.mentor_application_id: r for r in MenteeRanking.objects.filter(mentee_application=mentee)
    }
    for item in profiles:
        row = saved.get(item["application"].pk)
        item["rank"] = row.rank if row and row.rank else None
        item["veto"] = bool(row and row.veto)
    context = {
        "application": mentee,
        "allowed": allowed,
        "reason": reason,
        "profiles": profiles,
        "ranks": range(1, say.MAX_RANKED + 1),
        "error": error,
        "zone": zone,
    }
    return render(request, "matching/portal/wishes.html", context, status=status)


@applicant_required
@require_http_methods(["GET", "POST"])
def mentor_preferences(request: HttpRequest, pk: int) -> HttpResponse:
    """A mentor lowers their capacity or excludes topics."""
    from workflows.matching import say

    mentor = own_accepted(request, pk, "mentor")
    allowed, reason = say.say_allowed(mentor)
    preference = getattr(mentor, "mentor_preference", None)
    error, status = "", 200
    if request.method == "POST" and allowed:
        capacity = request.POST.get("capacity", "")
        topics = request.POST.get("excluded_topics", "").split(",")
        try:
            if not capacity.isdigit():
                raise TransitionError(_("Choose how many mentees you can take."))
            say.save_mentor_preference(mentor, int(capacity), topics)
        except TransitionError as refused:
            error, status = refused.reason, 400
        else:
            messages.success(request, _("Thank you: your preferences were saved."))
            return redirect("matching:preferences", pk=mentor.pk)
    applied = mentor.profile.capacity or 1
    context = {
        "application": mentor,
        "allowed": allowed,
        "reason": reason,
        "capacities": range(1, applied + 1),
        "capacity": (preference.capacity if preference and preference.capacity else applied),
        "topics": ", ".join(preference.excluded_topics) if preference else "",
        "error": error,
    }
    return render(request, "matching/portal/preferences.html", context, status=status)
