"""Failed background work, visible to coordinators, with a retry button."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from workflows.notifications import failures
from workflows.roles import is_coordinator


def failed_work(request):
    if not is_coordinator(request.user):
        raise PermissionDenied
    if request.method == "POST":
        if request.POST.get("kind") == "email":
            done = failures.retry_email(int(request.POST.get("id", "0") or 0))
        else:
            done = failures.retry_task(request.POST.get("id", ""))
        if done:
            messages.success(request, _("Queued again."))
        else:
            messages.error(request, _("This has already been retried or no longer exists."))
        return redirect(request.path)
    return TemplateResponse(
        request,
        "notifications/admin/failures.html",
        {
            "page_title": _("Failed tasks and emails"),
            "header_icon": "warning",
            "tasks": failures.failed_tasks()[:200],
            "emails": failures.failed_emails()[:200],
        },
    )
