"""Coordinators' event registration screens: places, the waiting list, attendance.

Programme events are shared by every cohort, so any coordinator manages their registrations.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from events.models import EventPage
from workflows.access.groups import is_coordinator
from workflows.programme_life import registrations
from workflows.programme_life.models import EventRegistration, EventSignup


class SignupForm(forms.ModelForm):
    class Meta:
        model = EventSignup
        fields = ["capacity", "is_open"]
        labels = {"capacity": gettext_lazy("Places (empty: no limit)")}


def _require_coordinator(request: HttpRequest) -> None:
    if not is_coordinator(request.user):
        raise Http404


def event_index(request: HttpRequest) -> HttpResponse:
    _require_coordinator(request)
    events = (
        EventPage.objects.filter(locale__language_code="en", alias_of__isnull=True)
        .select_related("signup")
        .order_by("-starts_at")
    )
    counts = {
        row["signup_id"]: row
        for row in EventRegistration.objects.values("signup_id").annotate(
            registered=Count("pk", filter=Q(state=EventRegistration.State.REGISTERED)),
            waitlisted=Count("pk", filter=Q(state=EventRegistration.State.WAITLISTED)),
            attended=Count("pk", filter=Q(attended=True)),
        )
    }
    rows = []
    for event in events:
        signup = getattr(event, "signup", None)
        rows.append({"event": event, "signup": signup, "counts": counts.get(signup and signup.pk)})
    return render(
        request,
        "programme_life/admin/event_index.html",
        {"rows": rows, "page_title": _("Event registrations")},
    )


def event_detail(request: HttpRequest, event_pk: int) -> HttpResponse:
    _require_coordinator(request)
    event = get_object_or_404(EventPage, pk=event_pk, locale__language_code="en")
    signup = EventSignup.objects.filter(event=event).first()
    form = SignupForm(request.POST or None, instance=signup or EventSignup(event=event))
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "settings" and form.is_valid():
            form.save()
            messages.success(request, _("Registration settings saved."))
            return redirect("programme_life_admin:event", event_pk=event.pk)
        if action in {"attended", "absent"} and signup is not None:
            registration = get_object_or_404(
                EventRegistration, pk=request.POST.get("registration"), signup=signup
            )
            registrations.mark_attendance(registration, action == "attended")
            messages.success(request, _("Attendance saved."))
            return redirect("programme_life_admin:event", event_pk=event.pk)
    people = (
        signup.registrations.select_related("person").order_by("state", "queued_at", "pk")
        if signup
        else []
    )
    return render(
        request,
        "programme_life/admin/event_detail.html",
        {
            "event": event,
            "signup": signup,
            "form": form,
            "registrations": people,
            "taken": registrations.places_taken(signup) if signup else 0,
            "page_title": event.title,
        },
    )
