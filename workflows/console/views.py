"""The intake dashboard page and its admin home panel (figures from :mod:`.dashboard`)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
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
