"""Emails to an applicant: their language and the placeholders every applicant email offers.

Matching and agreements email applicants too; they build on these so that every email to an
applicant names the cohort and links the portal the same way, in the applicant's language.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from base.localization import localized_title
from workflows.notifications.recipients import Recipient


def applicant_language(application: Any) -> str:
    """The applicant's own language: their preference, else the language they applied in."""
    return application.person.preferred_language or application.language or "en"


def applicant_context(application: Any, message: str = "") -> dict[str, Any]:
    """Placeholders for an email to the applicant, in the applicant's language."""
    language = applicant_language(application)
    with translation.override(language):
        portal_path = reverse("portal:dashboard")
        role = str(application.get_role_display())
    return {
        "name": application.person.full_name,
        "cohort": localized_title(application.cohort, language),
        "role": role,
        "message": message,
        "portal_url": f"{settings.SITE_URL}{portal_path}",
    }


def applicant_recipient(application: Any, message: str = "") -> Recipient:
    """The applicant as an email recipient, with the context above."""
    return Recipient(
        email=application.person.email,
        language=applicant_language(application),
        context=applicant_context(application, message),
    )
