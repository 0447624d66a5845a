"""Review screens in the Wagtail admin. Each view checks who asks, then calls a service.

Reviewers: "My reviews" and the review form of their own assignments (any other assignment is
a 404, so its existence is not revealed). Coordinators: the decision list (one by one or in
batch), an application's reviews with assignment and decision, scoped to their cohorts.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import select_template
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Application
from applications.queues import places_taken
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError
from workflows.engine.history import history_for
from workflows.lifecycles.application import IN_REVIEW, WAITLISTED
from workflows.review import email_preview, reviewer_page, services  # noqa: F401 - their URLs
from workflows.review.forms import (
    AssignForm,
    AutoAssignForm,
    BatchDecisionForm,
    DecisionForm,
)
from workflows.review.models import ReviewAssignment
from workflows.review.selectors import applications_visible_to, is_coordinator_of
from workflows.roles import is_coordinator, is_reviewer

#: The applications app may provide this partial (context: ``application``) to show the
#: applicant's answers; until it does, the review screens show the basic facts.
SUMMARY_TEMPLATES = [
    "applications/includes/application_summary.html",
    "review/includes/summary.html",
]


def _summary_template():
    return select_template(SUMMARY_TEMPLATES).template.name


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


# --- reviewers ---------------------------------------------------------------------------


def my_reviews(request):
    _require(is_reviewer(request.user))
    assignments = (
        ReviewAssignment.objects.filter(reviewer=request.user)
        .select_related("application__person", "application__cohort")
        .order_by("status", "due_on")
    )
    return TemplateResponse(
        request,
        "review/admin/my_reviews.html",
        {
            "page_title": _("My reviews"),
            "header_icon": "tasks",
            "today": timezone.localdate(),
            "open": [a for a in assignments if a.status == ReviewAssignment.Status.ASSIGNED],
            "done": [a for a in assignments if a.status == ReviewAssignment.Status.SUBMITTED],
            "recused": [a for a in assignments if a.status == ReviewAssignment.Status.RECUSED],
        },
    )


def review_assignment(request, pk: int):
    """The reviewer's page (answers, CV and rubric side by side): see
    :mod:`workflows.review.reviewer_page`. 404 for anyone but the assigned reviewer."""
    return reviewer_page.review_page(request, pk)


# --- coordinators ------------------------------------------------------------------------


def decisions(request):
    """Applications in review in the coordinator's cohorts, with scores; batch decisions."""
    _require(is_coordinator(request.user))
    pending = services.with_review_summary(
        applications_visible_to(request.user)
        .filter(state__in=(IN_REVIEW, WAITLISTED))
        .select_related("person", "cohort")
    ).order_by("-average_score", "submitted_at")
    form = BatchDecisionForm(applications=pending)
    if request.method == "POST":
        form = BatchDecisionForm(request.POST, applications=pending)
        if form.is_valid():
            result = services.decide_batch(
                form.cleaned_data["applications"],
                form.cleaned_data["decision"],
                Actor.from_request(request),
                message=form.cleaned_data["message"],
                email_applicant=form.cleaned_data["email_applicant"],
            )
            if result.decided:
                messages.success(
                    request,
                    _("Decided: %(count)s.") % {"count": len(result.decided)},
                )
            for application, reason in result.refused:
                messages.error(request, f"{application}: {reason}")
            return redirect("review_admin:decisions")
    return TemplateResponse(
        request,
        "review/admin/decisions.html",
        {
            "page_title": _("Decisions"),
            "header_icon": "check",
            "applications": pending,
            "form": form,
        },
    )


def application_review(request, pk: int):
    """One application for its coordinators: reviews, scores, assignment, decision, history."""
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("person", "cohort"), pk=pk
    )
    _require(is_coordinator_of(request.user, application))
    actor = Actor.from_request(request)
    reviewers = services.reviewer_pool(application).order_by("open_reviews", "last_name")
    choices = services.decision_choices(application, actor)
    decision_kwargs = {
        "allowed": [(name, label) for name, label, allowed, _reason in choices if allowed],
        "outstanding": application.review_assignments.open().count(),
    }
    assign_form, auto_form, decision_form = (
        AssignForm(reviewers=reviewers),
        AutoAssignForm(),
        DecisionForm(**decision_kwargs),
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "assign":
                assign_form = AssignForm(request.POST, reviewers=reviewers)
                if assign_form.is_valid():
                    services.assign_reviewer(
                        application,
                        assign_form.cleaned_data["reviewer"],
                        actor,
                        due_on=assign_form.cleaned_data["due_on"],
                    )
                    messages.success(request, _("The reviewer has been assigned."))
                    return redirect(request.path)
            elif action == "auto_assign":
                auto_form = AutoAssignForm(request.POST)
                if auto_form.is_valid():
                    result = services.auto_assign_with_reasons(
                        application, actor, reviewers=auto_form.cleaned_data["reviewers"]
                    )
                    counts = {"count": len(result.assigned)}
                    if result.short:
                        messages.warning(
                            request,
                            _("Reviewers assigned: %(count)s.") % counts + " " + result.reason,
                        )
                    else:
                        messages.success(request, _("Reviewers assigned: %(count)s.") % counts)
                    return redirect(request.path)
            elif action == "decide":
                decision_form = DecisionForm(request.POST, **decision_kwargs)
                if decision_form.is_valid():
                    with transaction.atomic():
                        services.decide(
                            application,
                            decision_form.cleaned_data["decision"],
                            actor,
                            message=decision_form.cleaned_data["message"],
                            comment=decision_form.cleaned_data["comment"],
                            email_applicant=decision_form.cleaned_data["email_applicant"],
                        )
                    messages.success(request, _("The decision has been recorded."))
                    return redirect(request.path)
        except (services.ReviewError, TransitionError) as error:
            messages.error(request, error.reason)
    assignments = application.review_assignments.select_related(
        "reviewer", "review"
    ).prefetch_related("review__scores")
    summary = services.with_review_summary(Application.objects.filter(pk=application.pk)).get()
    return TemplateResponse(
        request,
        "review/admin/application.html",
        {
            "page_title": str(application),
            "header_icon": "doc-full",
            "application": application,
            "summary": summary,
            "summary_template": _summary_template(),
            "assignments": assignments,
            "assign_form": assign_form,
            "auto_form": auto_form,
            "decision_form": decision_form,
            "choices": choices,
            "places": places_taken([application]),
            "history": history_for(application),
            "show_private": True,
            "decisions_url": reverse("review_admin:decisions"),
        },
    )
