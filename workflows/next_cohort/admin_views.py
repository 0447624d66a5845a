"""Admin screens: confirm a clone (what is copied, the new dates), the new cohort's pages,
and the button that invites the previous mentors. Coordinators of the cohort only (404)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cohorts.models import CohortPage
from workflows.access.groups import is_coordinator
from workflows.next_cohort.cloning import (
    CloneRefused,
    clone_cohort,
    may_publish,
    new_dates,
    new_title,
)
from workflows.next_cohort.cohort_settings import settings_summary
from workflows.next_cohort.invitations import (
    InvitationRefused,
    invite_previous_mentors,
    mentor_form,
    previous_mentors,
)
from workflows.next_cohort.permissions import can_clone_cohort


def _cohort(request: HttpRequest, pk: int) -> CohortPage:
    """The English cohort ``pk`` if the user coordinates it; 404 for everyone else."""
    if not is_coordinator(request.user):
        raise Http404
    cohort = get_object_or_404(CohortPage, pk=pk, locale__language_code="en")
    allowed, _reason = can_clone_cohort(request.user, cohort)
    if not allowed:
        raise Http404
    return cohort


def index(request: HttpRequest) -> HttpResponse:
    if not is_coordinator(request.user):
        raise Http404
    cohorts = [
        cohort
        for cohort in CohortPage.objects.filter(locale__language_code="en").order_by(
            "-programme_starts_on"
        )
        if can_clone_cohort(request.user, cohort)[0]
    ]
    return render(
        request,
        "next_cohort/admin/index.html",
        {"cohorts": cohorts, "page_title": _("Next cohort")},
    )


#: How many years later the new cohort may start (a cohort skipped for a year or two).
YEAR_CHOICES = range(1, 6)


def _years(value: str | None) -> int:
    """The years asked for, or 1 for anything that is not one of :data:`YEAR_CHOICES`."""
    try:
        years = int(value or 1)
    except ValueError:
        return 1
    return years if years in YEAR_CHOICES else 1


def clone(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: what will be copied and the new dates; POST: clone and show the new cohort."""
    cohort = _cohort(request, pk)
    years = _years(request.POST.get("years") or request.GET.get("years"))
    if request.method == "POST":
        try:
            result = clone_cohort(
                cohort,
                user=request.user,
                years=years,
                publish=request.POST.get("publish") == "on",
            )
        except CloneRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                _("%(title)s was created in %(count)d languages.")
                % {"title": result.cohort.title, "count": 1 + len(result.languages)},
            )
            return redirect("next_cohort_admin:done", old=cohort.pk, new=result.cohort.pk)
    children = cohort.get_children().specific().order_by("path")
    return render(
        request,
        "next_cohort/admin/confirm.html",
        {
            "cohort": cohort,
            "years": years,
            "year_choices": YEAR_CHOICES,
            "new_title": new_title(cohort, years),
            "dates": new_dates(cohort, years),
            "forms": children,
            "languages": [
                page.locale for page in cohort.get_translations().select_related("locale")
            ],
            "settings": settings_summary(cohort),
            "may_publish": may_publish(request.user, cohort),
            "page_title": _("Clone %(title)s for the next year") % {"title": cohort.title},
        },
    )


def done(request: HttpRequest, old: int, new: int) -> HttpResponse:
    """The new cohort's pages in every language (edit links) and the invitation button."""
    old_cohort = _cohort(request, old)
    new_cohort = _cohort(request, new)
    pages = []
    for cohort in [new_cohort, *new_cohort.get_translations().select_related("locale")]:
        pages.append(cohort)
        pages.extend(cohort.get_children().select_related("locale").order_by("path"))
    return render(
        request,
        "next_cohort/admin/done.html",
        {
            "old_cohort": old_cohort,
            "new_cohort": new_cohort,
            "pages": pages,
            "mentors": previous_mentors(old_cohort),
            "form_live": mentor_form(new_cohort) is not None,
            "page_title": _("Next cohort: %(title)s") % {"title": new_cohort.title},
        },
    )


@require_POST
def invite(request: HttpRequest, old: int, new: int) -> HttpResponse:
    old_cohort = _cohort(request, old)
    new_cohort = _cohort(request, new)
    try:
        queued = invite_previous_mentors(old_cohort, new_cohort)
    except InvitationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Invitations queued: %(count)d (mentors invited before are not emailed again).")
            % {"count": queued},
        )
    return redirect(reverse("next_cohort_admin:done", kwargs={"old": old, "new": new}))
