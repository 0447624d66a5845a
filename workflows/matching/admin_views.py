"""The matching screen in the Wagtail admin: views parse input, call services, render.

* ``index``: the cohorts the user coordinates, with their latest run;
* ``screen``: one cohort: the run (progress, totals beside greedy, top-3, blocking pairs,
  reasons for the unmatched), the proposal with each pair's breakdown in the viewer's language,
  approve all or some, swap, cancel, lock / forbid, re-run (for the rest, or all over), the
  weights and switches, and mentees and mentors side by side with their availability as a week
  grid in the viewer's time zone;
* ``why_not``: "why not mentor X?" for one mentee.
Every view answers 404 for cohorts the user does not coordinate.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Application
from cohorts.models import CohortPage
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError
from workflows.lifecycles.application import ACCEPTED, MATCHED
from workflows.matching import services
from workflows.matching.availability import WEEKDAYS, week_grid
from workflows.matching.explain import why_not as explain_why_not
from workflows.matching.forms import RuleForm, SettingsForm
from workflows.matching.inputs import build_instance, settings_for, slot_minutes
from workflows.matching.lifecycle import COMMITTED, PROPOSED
from workflows.matching.models import Match, MatchingRun, PairRule
from workflows.matching.runs import explain_rows, start_run
from workflows.matching.scope import can_match, matchable_cohorts
from workflows.matching.solver import Solution, evaluate, solve

HOURS = range(7, 22)


def _cohort(request: HttpRequest, pk: int) -> CohortPage:
    cohort = get_object_or_404(CohortPage, pk=pk)
    if not can_match(request.user, cohort)[0]:
        raise Http404
    return cohort


def index(request: HttpRequest) -> HttpResponse:
    cohorts = matchable_cohorts(request.user)
    if not cohorts and not request.user.is_superuser:
        raise Http404
    rows = [
        {"cohort": cohort, "run": MatchingRun.objects.filter(cohort=cohort).first()}
        for cohort in cohorts
    ]
    return TemplateResponse(
        request,
        "matching/admin/index.html",
        {"page_title": _("Matching"), "header_icon": "group", "rows": rows},
    )


def _people(cohort: CohortPage, role: str):
    return (
        Application.objects.filter(cohort=cohort, role=role, state__in=(ACCEPTED, MATCHED))
        .select_related("person", "profile__institution")
        .prefetch_related("languages", "availability", "profile__disciplines")
        .order_by("person__full_name")
    )


def _card(application: Application, viewer_zone: str, on: datetime.date) -> dict:
    profile = getattr(application, "profile", None)
    slots = [slot_minutes(s) for s in application.availability.all()]
    zone = profile.timezone if profile else "Europe/Prague"
    grid = week_grid(slots, zone, viewer_zone, on)
    return {
        "application": application,
        "profile": profile,
        "languages": list(application.languages.all()),
        "disciplines": [d.name for d in profile.disciplines.all()] if profile else [],
        "grid": [(day, [row[h] for h in HOURS]) for day, row in zip(WEEKDAYS, grid, strict=True)],
    }


def _handle_post(request: HttpRequest, cohort: CohortPage) -> None:
    actor = Actor.from_request(request)
    action = request.POST.get("action", "")
    ids = [int(x) for x in request.POST.getlist("matches") if x.isdigit()]
    chosen = list(Match.objects.filter(cohort=cohort, pk__in=ids).order_by("pk"))
    if action in ("run", "run_all"):
        run = start_run(cohort, request.user, keep=action == "run")
        messages.success(request, _("Matching run #%(id)s started.") % {"id": run.pk})
    elif action in ("approve", "approve_all"):
        if action == "approve_all":
            chosen = list(Match.objects.filter(cohort=cohort, state=PROPOSED).order_by("pk"))
        if not chosen:
            messages.error(request, _("Select the pairs to approve."))
            return
        result = services.approve_many(chosen, actor)
        if result.done:
            messages.success(request, _("Approved: %(count)s.") % {"count": len(result.done)})
        for match, reason in result.refused:
            messages.error(request, f"{match}: {reason}")
    elif action == "swap":
        if len(chosen) != 2:
            messages.error(request, _("Select exactly two proposals to swap their mentors."))
            return
        services.swap(chosen[0], chosen[1], actor)
        messages.success(request, _("The two mentors were swapped."))
    elif action == "cancel":
        for match in chosen:
            services.cancel(match, actor, request.POST.get("comment", ""))
        messages.success(request, _("Cancelled: %(count)s.") % {"count": len(chosen)})
    elif action == "rule":
        form = RuleForm(
            request.POST, mentees=_people(cohort, "mentee"), mentors=_people(cohort, "mentor")
        )
        if not form.is_valid():
            messages.error(request, _("Choose a mentee, a mentor and a rule."))
            return
        services.set_rule(
            cohort,
            Application.objects.get(pk=form.cleaned_data["mentee"]),
            Application.objects.get(pk=form.cleaned_data["mentor"]),
            form.cleaned_data["kind"],
            request.user,
            form.cleaned_data["note"],
        )
        messages.success(request, _("The rule was saved; it applies from the next run."))
    elif action == "remove_rule":
        PairRule.objects.filter(cohort=cohort, pk__in=request.POST.getlist("rule")).delete()
        messages.success(request, _("The rule was removed."))
    elif action == "settings":
        form = SettingsForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Weights are numbers from 0 to 10."))
            return
        chosen_settings = settings_for(cohort)
        chosen_settings.weights = form.weights()
        chosen_settings.switches = form.switches()
        chosen_settings.participants_say = form.cleaned_data["participants_say"]
        chosen_settings.save()
        messages.success(request, _("Weights and constraints saved; they apply from the next run."))
    else:
        messages.error(request, _("There is no such step."))


def screen(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    if request.method == "POST":
        try:
            _handle_post(request, cohort)
        except TransitionError as error:
            messages.error(request, error.reason)
        return redirect("matching_admin:screen", pk=cohort.pk)
    runs = list(MatchingRun.objects.filter(cohort=cohort)[:5])
    run = runs[0] if runs else None
    names = dict(Application.objects.filter(cohort=cohort).values_list("pk", "person__full_name"))
    proposals = [
        {"match": m, "rows": explain_rows(m)}
        for m in Match.objects.filter(cohort=cohort, state=PROPOSED)
        .select_related("mentee_application__person", "mentor_application__person")
        .order_by("-score")
    ]
    committed = [
        {"match": m, "rows": explain_rows(m)}
        for m in Match.objects.filter(cohort=cohort, state__in=COMMITTED)
        .select_related("mentee_application__person", "mentor_application__person")
        .order_by("mentee_application__person__full_name")
    ]
    unmatched = {"mentees": [], "mentors": []}
    blocking = []
    if run is not None and run.state == MatchingRun.State.DONE:
        for side in ("mentees", "mentors"):
            for key, reason in run.result.get("unmatched", {}).get(side, {}).items():
                unmatched[side].append((names.get(int(key), key), reason))
        blocking = [(names.get(a, a), names.get(b, b)) for a, b in run.result.get("blocking", [])]
    viewer_zone = timezone.get_current_timezone_name()
    on = max(cohort.programme_starts_on, datetime.date.today())
    mentees, mentors = _people(cohort, "mentee"), _people(cohort, "mentor")
    context = {
        "page_title": _("Matching: %(cohort)s") % {"cohort": cohort.title},
        "header_icon": "group",
        "cohort": cohort,
        "run": run,
        "runs": runs,
        "running": run is not None and run.state in ("queued", "running"),
        "proposals": proposals,
        "committed": committed,
        "unmatched": unmatched,
        "blocking": blocking,
        "rules": PairRule.objects.filter(cohort=cohort).select_related(
            "mentee_application__person", "mentor_application__person"
        ),
        "rule_form": RuleForm(mentees=mentees, mentors=mentors),
        "settings_form": SettingsForm(settings=settings_for(cohort)),
        "mentee_cards": [_card(a, viewer_zone, on) for a in mentees],
        "mentor_cards": [_card(a, viewer_zone, on) for a in mentors],
        "hours": list(HOURS),
        "viewer_zone": viewer_zone,
    }
    return TemplateResponse(request, "matching/admin/screen.html", context)


def why_not(request: HttpRequest, pk: int) -> HttpResponse:
    """Why is mentee ``?mentee=`` not with mentor ``?mentor=``? Against the current proposal."""
    cohort = _cohort(request, pk)
    mentee = get_object_or_404(Application, pk=request.GET.get("mentee") or 0, cohort=cohort)
    mentor_id = request.GET.get("mentor")
    mentors = _people(cohort, "mentor")
    answer = None
    mentor = None
    if mentor_id:
        mentor = get_object_or_404(Application, pk=mentor_id, cohort=cohort, role="mentor")
        answer = _explain(cohort, mentee, mentor)
    proposal = Match.objects.filter(mentee_application=mentee, state__in=(PROPOSED, *COMMITTED))
    context = {
        "page_title": _("Why not this mentor?"),
        "header_icon": "help",
        "cohort": cohort,
        "mentee": mentee,
        "mentor": mentor,
        "mentors": mentors,
        "answer": answer,
        "current": proposal.select_related("mentor_application__person").first(),
        "breakdown": explain_rows(proposal.first()) if proposal.exists() else [],
    }
    return TemplateResponse(request, "matching/admin/why_not.html", context)


def _explain(cohort: CohortPage, mentee: Application, mentor: Application) -> dict:
    instance, _record = build_instance(cohort, keep=True)
    rows, cols = instance.mentee_index(), instance.mentor_index()
    if mentee.pk not in rows:
        return {"kind": "held", "text": _("This mentee already has an approved match.")}
    if mentor.pk not in cols:
        return {"kind": "full", "text": _("This mentor has no place left.")}
    ev = evaluate(instance)
    pairs = [(rows[a], cols[b]) for a, b in instance.keep if a in rows and b in cols]
    if pairs:
        current = Solution(sorted(pairs), float(sum(ev.scores[i, j] for i, j in pairs)))
    else:  # no proposal yet: compare with what a run would propose
        current = solve(ev)
    answer = explain_why_not(ev, current, mentee.pk, mentor.pk)
    from workflows.matching.explain import pair_breakdown

    answer["rows"] = pair_breakdown(ev, rows[mentee.pk], cols[mentor.pk])
    return answer
