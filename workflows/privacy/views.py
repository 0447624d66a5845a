"""The portal's privacy page: download my data, ask to be erased (signed-in person only)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.views import applicant_required
from workflows.engine.actors import Actor
from workflows.privacy import services
from workflows.privacy.export import export_person


@applicant_required
def overview(request: HttpRequest) -> HttpResponse:
    person = request.portal_person
    return render(
        request,
        "privacy/portal.html",
        {"person": person, "open_request": services.open_request_of(person)},
    )


@applicant_required
def export_mine(request: HttpRequest) -> HttpResponse:
    """The signed-in person's own archive; nobody else's is reachable here."""
    person = request.portal_person
    archive = export_person(person, Actor.from_request(request, person=person))
    response = HttpResponse(archive, content_type="application/zip")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="careersteps-my-data-{stamp}.zip"'
    return response


@applicant_required
@require_POST
def request_erasure(request: HttpRequest) -> HttpResponse:
    _request, created = services.request_erasure(request.portal_person)
    if created:
        messages.success(
            request,
            _(
                "Your request has been sent. The coordinators will erase your data within one "
                "month; afterwards this portal no longer knows you."
            ),
        )
    else:
        messages.info(request, _("You have already asked; the coordinators are on it."))
    return redirect("privacy:overview")
