"""Who hears about a transition, in which language, with which placeholders.

Applications are handled here (the applicant, by email, in their language). Other subjects
(matches, agreements, added by later issues) provide ``notification_recipients(entry)``
returning a list of :class:`Recipient`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    context: dict[str, Any] = field(default_factory=dict)


def applicant_context(application: Any, message: str = "") -> dict[str, Any]:
    """Placeholders for an email to the applicant, in the applicant's language."""
    from base.localization import localized_title

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


def applicant_language(application: Any) -> str:
    """The applicant's own language: their preference, else the language they applied in."""
    return application.person.preferred_language or application.language or "en"


def recipients_for(entry: Any, subject: Any) -> list[Recipient]:
    from applications.models import Application

    if isinstance(subject, Application):
        return [
            Recipient(
                email=subject.person.email,
                language=applicant_language(subject),
                context=applicant_context(subject, entry.message),
            )
        ]
    provider = getattr(subject, "notification_recipients", None)
    if provider is None:
        raise TypeError(f"{type(subject).__name__} does not say who to notify")
    return list(provider(entry))
