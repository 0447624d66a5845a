"""The intake dashboard page and its admin home panel (figures from :mod:`.dashboard`), the
programme year (:mod:`.year`) and its "accept waiting submissions now" button (:mod:`.waiting`)."""

from __future__ import annotations

import io

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.ui.components import Component

from workflows.access.groups import is_coordinator, is_reviewer
from workflows.console.dashboard import intake, reviewer_figures


def may_see_intake(user) -> bool:
    return is_coordinator(user) or is_reviewer(user)


def dashboard(request):
    """Coordinators see their cohorts' figures; reviewers their own queue."""
    if not may_see_intake(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "console/dashboard.html",
        {
            "page_title": _("Intake"),
            "header_icon": "doc-full-inverse",
            "cohorts": intake(request.user),
            "reviewer": reviewer_figures(request.user),
        },
    )


class IntakePanel(Component):
    """The dashboard's queues on the admin home page (first panel for staff)."""

    name = "intake"
    order = 50
    template_name = "console/includes/intake_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        context["cohorts"] = intake(self.request.user)
        context["reviewer"] = reviewer_figures(self.request.user)
        return context


def programme_year(request):
    """The coordinator's year: tandems at risk, upcoming events, surveys, failed tasks."""
    from workflows.console import year

    if not is_coordinator(request.user):
        raise PermissionDenied
    from workflows.console.waiting import can_accept_waiting
    from workflows.evaluation import charts

    now = timezone.now()
    cohorts = [year.cohort_year(cohort, now) for cohort in year.year_cohorts(request.user)]
    for cohort_year in cohorts:
        cohort_year.bars = charts.bars(cohort_year.meetings_by_month)
        cohort_year.chart_height = charts.height(cohort_year.bars)
    if request.GET.get("format") == "xlsx":
        return year_workbook(cohorts)
    return TemplateResponse(
        request,
        "console/year.html",
        {
            "page_title": _("Programme year"),
            "header_icon": "date",
            "cohorts": cohorts,
            "events": year.upcoming_events(now),
            "failed_tasks": year.failed_tasks(request.user),
            "submissions_waiting": year.submissions_waiting(request.user, now),
            "may_accept_waiting": can_accept_waiting(request.user)[0],
        },
    )


@require_POST
def accept_waiting_submissions(request: HttpRequest) -> HttpResponse:
    """The year page's "Accept them now": the waiting submissions become applications in this
    request (the worker's own code), then back to the year page with what came of it."""
    from workflows.console.waiting import accept_waiting_now, can_accept_waiting

    allowed, reason = can_accept_waiting(request.user)
    if not allowed:
        raise PermissionDenied(reason)
    result = accept_waiting_now(request.user)
    if result.applications:
        messages.success(
            request,
            ngettext(
                "%(n)s waiting submission was accepted: it is an application now.",
                "%(n)s waiting submissions were accepted: they are applications now.",
                result.applications,
            )
            % {"n": result.applications},
        )
    if result.failed:
        messages.error(
            request,
            ngettext(
                "%(n)s submission could not be accepted and is still waiting. The error is in "
                "the server's log; once the background worker runs, its attempts are listed "
                "under failed tasks.",
                "%(n)s submissions could not be accepted and are still waiting. The error is in "
                "the server's log; once the background worker runs, its attempts are listed "
                "under failed tasks.",
                result.failed,
            )
            % {"n": result.failed},
            buttons=[messages.button(reverse("console:failures"), _("Failed tasks and emails"))],
        )
    if result.settled:
        messages.info(
            request,
            ngettext(
                "%(n)s waiting submission needed no new application: it repeated an earlier "
                "one (its sender was told by email), or the background worker had just "
                "accepted it.",
                "%(n)s waiting submissions needed no new application: each repeated an earlier "
                "one (its sender was told by email), or the background worker had just "
                "accepted it.",
                result.settled,
            )
            % {"n": result.settled},
        )
    if result.left:
        messages.warning(
            request,
            ngettext(
                "%(n)s more submission is still waiting: press “%(button)s” again to "
                "accept the next ones, or start the background worker.",
                "%(n)s more submissions are still waiting: press “%(button)s” again to "
                "accept the next ones, or start the background worker.",
                result.left,
            )
            % {"n": result.left, "button": _("Accept them now")},
        )
    if not (result.looked_at or result.left):
        messages.info(request, _("No submission was waiting any more: nothing to accept."))
    return redirect("console:year")


def year_workbook(cohorts) -> HttpResponse:
    """Tandems at risk of every cohort as an XLSX sheet (cells as text: no formulas run)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = str(_("Tandems at risk"))[:31]
    sheet.append([str(_("Cohort")), str(_("Mentee")), str(_("Mentor")), str(_("Why"))])
    for cohort_year in cohorts:
        # Once per cohort: ``localized`` looks the active locale up each time it is read.
        title = str(cohort_year.cohort.localized.title)
        for item in cohort_year.at_risk:
            row = [
                title,
                item.match.mentee_application.person.full_name,
                item.match.mentor_application.person.full_name,
                "; ".join(item.reasons),
            ]
            sheet.append(row)
            for cell in sheet[sheet.max_row]:
                cell.data_type = "s"
    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="programme-year.xlsx"'
    return response
