"""Failed background work, visible to coordinators, with a retry button."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from workflows.access.groups import is_coordinator
from workflows.notifications import failures

#: django-q2 task ids are 32 hex digits (a uuid4 without dashes).
TASK_ID = re.compile(r"^[0-9a-f]{32}$")


def failed_work(request):
    """Failed tasks and emails, scoped to the cohorts the coordinator coordinates."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    if request.method == "POST":
        done = _retry(request.user, request.POST.get("kind"), request.POST.get("id", ""))
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
            "tasks": failures.failed_tasks_for(request.user)[: failures.LISTED],
            "emails": failures.failed_emails_for(request.user),
        },
    )


def _retry(user, kind: str | None, raw_id: str) -> bool:
    """Retry one failure the user can see; a junk or foreign id retries nothing."""
    if kind == "email":
        if not raw_id.isdigit():
            return False
        email_id = int(raw_id)
        if not any(email.pk == email_id for email in failures.failed_emails_for(user)):
            return False
        return failures.retry_email(email_id)
    if not TASK_ID.match(raw_id) or not failures.failed_tasks_for(user).filter(id=raw_id).exists():
        return False
    return failures.retry_task(raw_id)
