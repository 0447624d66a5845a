"""The workflows as coordinators see them: each lifecycle's diagram, generated from the very
Machine the engine runs, its transitions as a table, and the switches for their effects."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from workflows.access.cohorts import is_global_coordinator
from workflows.access.groups import is_coordinator
from workflows.console.diagram import render_svg, transition_rows
from workflows.engine.engine import set_effect_enabled
from workflows.engine.models import EffectSwitch
from workflows.engine.registry import machines


def can_switch_effects(user) -> tuple[bool, str]:
    """Effect switches apply to every cohort: superusers and global coordinators only."""
    if is_global_coordinator(user):
        return True, ""
    return False, _("Only coordinators of all cohorts can switch emails on or off.")


def workflow_index(request):
    if not is_coordinator(request.user):
        raise PermissionDenied
    return TemplateResponse(
        request,
        "console/workflows.html",
        {"page_title": _("Workflows"), "header_icon": "tasks", "machines": machines().values()},
    )


def workflow_detail(request, name: str):
    if not is_coordinator(request.user):
        raise PermissionDenied
    machine = machines().get(name)
    if machine is None:
        raise Http404
    may_switch, reason = can_switch_effects(request.user)
    if request.method == "POST":
        if not may_switch:
            raise PermissionDenied(reason)
        transition, effect = request.POST.get("transition", ""), request.POST.get("effect", "")
        try:
            set_effect_enabled(
                machine, transition, effect, request.POST.get("enabled") == "1", request.user
            )
        except KeyError as error:
            raise Http404 from error
        messages.success(request, _("Saved."))
        return redirect(request.path)
    off = set(
        EffectSwitch.objects.filter(machine=machine.name, enabled=False).values_list(
            "transition", "effect"
        )
    )
    rows = transition_rows(machine)
    for row in rows:
        row["effect_states"] = [
            (effect, (row["name"], effect.key) not in off) for effect in row["effects"]
        ]
    return TemplateResponse(
        request,
        "console/workflow_detail.html",
        {
            "page_title": machine.label,
            "header_icon": "tasks",
            "machine": machine,
            # Built from our own machine table with every label XML-escaped.
            "svg": mark_safe(render_svg(machine)),  # noqa: S308
            "rows": rows,
            "may_switch": may_switch,
        },
    )
