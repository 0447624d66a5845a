"""Who hears about a transition, in which language, with which placeholders.

Applications are handled here (the applicant, by email, in their language). Other subjects
(matches, agreements, added by later issues) provide ``notification_recipients(entry)``
returning a list of :class:`Recipient`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.conf import settings


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    context: dict[str, Any] = field(default_factory=dict)


def applicant_context(application: Any, message: str = "") -> dict[str, Any]:
    person = application.person
    return {
        "name": person.full_name,
        "cohort": application.cohort.title,
        "role": application.get_role_display(),
        "message": message,
        "portal_url": f"{settings.SITE_URL}/{applicant_language(application)}/",
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
