"""The decision email, previewed exactly as the applicant will receive it.

The decision form's "email the applicant" switch shows what goes out: the same template the
``email_applicant`` effect renders (``notify_transition``: the editors' EmailTemplate in
that language, else the gettext file template), in the applicant's language, with the
message typed so far. Coordinators of the application's cohort only (404 for anyone else).
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from workflows.engine.engine import switched_off_effects
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION, DECISIONS, EMAIL_APPLICANT
from workflows.notifications.recipients import recipients_for
from workflows.notifications.services import render_email, supported_language
from workflows.review.selectors import applications_visible_to, is_coordinator_of


def decision_email(application, decision: str, message: str = "") -> dict:
    """Subject, text, language and whether the email is switched off, for ``decision``.

    Goes the notification task's own way: the recipients the application names for a
    (not saved) history entry of this decision, then ``render_email`` in their language."""
    entry = HistoryEntry(
        machine=APPLICATION.name,
        transition=decision,
        object_id=str(application.pk),
        to_state=APPLICATION.transition(decision).target,
        message=message,
    )
    recipient = recipients_for(entry, application)[0]
    language = supported_language(recipient.language)
    subject, text, _html = render_email(
        f"{APPLICATION.name}_{decision}", language, recipient.context
    )
    return {
        "decision": decision,
        "language": language,
        "to": recipient.email,
        "subject": subject,
        "text": text,
        "switched_off": EMAIL_APPLICANT.key in switched_off_effects(APPLICATION, decision),
    }


def decision_email_preview(request, pk: int):
    """GET ``?decision=<name>&message=<text>``: the preview fragment."""
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("person", "cohort"), pk=pk
    )
    if not is_coordinator_of(request.user, application):
        raise Http404
    decision = request.GET.get("decision", "")
    if decision not in DECISIONS:
        return TemplateResponse(
            request,
            "review/includes/decision_email_preview.html",
            {"preview": None, "hint": _("Choose a decision to see the email.")},
        )
    preview = decision_email(application, decision, request.GET.get("message", "")[:5000])
    return TemplateResponse(
        request, "review/includes/decision_email_preview.html", {"preview": preview}
    )


def _register_urls():
    from django.urls import include, path
    from wagtail import hooks

    @hooks.register("register_admin_urls")
    def decision_email_preview_urls():
        patterns = [path("<int:pk>/", decision_email_preview, name="decision_email")]
        return [
            path(
                "reviews/email-preview/",
                include((patterns, "email_preview"), namespace="email_preview"),
            )
        ]


_register_urls()
