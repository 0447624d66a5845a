"""A coordinator withdraws an application on the applicant's behalf (e.g. they asked by email).

The engine decides whether it may happen (state, role, cohort scope); the reason is required,
recorded in the history and, as with every withdrawal, the applicant and the cohort's
coordinators are emailed in their languages.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Application
from workflows.access.cohorts import is_coordinator_of
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError, apply_transition, check_transition
from workflows.lifecycles.application import APPLICATION


class WithdrawForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("Why is the application withdrawn?"),
        help_text=gettext_lazy("Recorded in the history; the applicant does not see it."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.select_related("cohort", "person"), pk=pk)
    if not is_coordinator_of(request.user, application.cohort):
        raise Http404
    actor = Actor.from_request(request)
    check = check_transition(APPLICATION, application, "withdraw", actor)
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and check.allowed and form.is_valid():
        try:
            apply_transition(
                APPLICATION, application, "withdraw", actor, comment=form.cleaned_data["comment"]
            )
        except TransitionError as error:
            messages.error(request, error.reason)
        else:
            messages.success(request, _("The application has been withdrawn."))
            return redirect("application_admin:inspect", pk=application.pk)
    return TemplateResponse(
        request,
        "console/withdraw.html",
        {
            "page_title": _("Withdraw the application"),
            "application": application,
            "check": check,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )
