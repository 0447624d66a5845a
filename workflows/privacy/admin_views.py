"""Coordinators' privacy screens in the admin: export a person, erase one (confirmation),
open erasure requests and the retention report (a dry run)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from applications.models import Application, Person
from workflows.access.cohorts import coordinated_cohort_keys
from workflows.engine.actors import Actor
from workflows.privacy import erasure, retention
from workflows.privacy.export import export_person
from workflows.privacy.models import ErasureRecord, ErasureRequest, RetentionPolicy
from workflows.privacy.permissions import can_erase, can_export_person, can_see_retention


class EraseForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Why is this person erased?"),
        help_text=gettext_lazy(
            "Recorded with the erasure. Do not write the person's name or email here."
        ),
        max_length=200,
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that this cannot be undone."), required=True
    )


def export(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    allowed, _reason = can_export_person(request.user, person)
    if not allowed:
        raise Http404
    archive = export_person(person, Actor.from_request(request))
    response = HttpResponse(archive, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}-data.zip"'
    return response


def erase(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    allowed, reason = can_erase(request.user)
    if not allowed:
        raise Http404
    done = ErasureRecord.objects.filter(person_id_ref=person.pk).first()
    form = EraseForm(request.POST or None)
    if request.method == "POST" and done is None and form.is_valid():
        record = erasure.erase_person(
            person, Actor.from_request(request), form.cleaned_data["reason"]
        )
        messages.success(
            request,
            _("Person %(id)s has been erased (erasure %(record)s).")
            % {"id": person.pk, "record": record.pk},
        )
        return redirect("privacy_admin:requests")
    rows = erasure.preview(person)
    applications = Application.objects.filter(person=person).select_related("cohort")
    return TemplateResponse(
        request,
        "privacy/admin/erase.html",
        {
            "page_title": _("Erase a person"),
            "person": person,
            "applications": applications,
            "deleted": [r for r in rows if r.action == "delete"],
            "anonymised": [r for r in rows if r.action in ("anonymise", "special")],
            "kept": [r for r in rows if r.action == "keep"],
            "done": done,
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )


def requests(request: HttpRequest) -> HttpResponse:
    allowed, _reason = can_erase(request.user)
    if not allowed:
        raise Http404
    if request.method == "POST" and request.POST.get("decline"):
        ErasureRequest.objects.filter(
            pk=request.POST["decline"], state=ErasureRequest.State.OPEN
        ).update(
            state=ErasureRequest.State.DECLINED,
            handled_by=request.user,
            handled_at=timezone.now(),
            note=request.POST.get("note", "")[:500],
        )
        return redirect("privacy_admin:requests")
    return TemplateResponse(
        request,
        "privacy/admin/requests.html",
        {
            "page_title": _("Erasure requests"),
            "open": ErasureRequest.objects.filter(state=ErasureRequest.State.OPEN),
            "records": ErasureRecord.objects.all()[:50],
        },
    )


def retention_report(request: HttpRequest) -> HttpResponse:
    """The dry-run report, limited to the cohorts the coordinator coordinates."""
    allowed, _reason = can_see_retention(request.user)
    if not allowed:
        raise Http404
    keys = coordinated_cohort_keys(request.user)
    report = [
        due
        for due in retention.due_people()
        if keys is None or due.cohort_key in {str(k) for k in keys}
    ]
    return TemplateResponse(
        request,
        "privacy/admin/retention.html",
        {
            "page_title": _("Retention"),
            "report": report,
            "policies": RetentionPolicy.objects.select_related("cohort"),
            "defaults": (retention.DEFAULT_DECLINED_MONTHS, retention.DEFAULT_PARTICIPANT_MONTHS),
        },
    )
