"""Who hears about an agreement's transition, in their own language.

* issue: both parties (please read and sign in the portal);
* sign_last: both parties (everyone signed; the sealed PDF is ready to download);
* reject: both parties and the cohort's coordinators, with the reason;
* void: both parties (a new version will follow).
Single signatures send nothing: every screen shows who still has to sign.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from workflows.agreements.drafting import party_language
from workflows.engine.actors import Actor
from workflows.notifications.recipients import Recipient
from workflows.roles import COORDINATOR, COORDINATORS, agreement_roles

PARTIES = {"issue", "sign_last", "reject", "void"}


def _context(agreement: Any, name: str, language: str, partner: str, message: str) -> dict:
    from base.localization import localized_title

    with translation.override(language):
        path = reverse("agreements:detail", args=[agreement.pk])
    return {
        "name": name,
        "cohort": localized_title(agreement.match.cohort, language),
        "partner": partner,
        "message": message,
        "portal_url": f"{settings.SITE_URL}{path}",
    }


def _party(agreement: Any, application: Any, other: Any, entry: Any) -> Recipient:
    language = party_language(application)
    return Recipient(
        email=application.person.email,
        language=language,
        context=_context(
            agreement,
            application.person.full_name,
            language,
            other.person.full_name,
            entry.message or entry.comment,
        ),
    )


def coordinators_of(agreement: Any) -> list[Any]:
    """Active coordinators of the agreement's cohort, with an email address."""
    users = get_user_model().objects.filter(is_active=True, groups__name=COORDINATORS)
    return [
        user
        for user in users.exclude(email="")
        if COORDINATOR in agreement_roles(Actor(user=user), agreement)
    ]


def agreement_recipients(agreement: Any, entry: Any) -> list[Recipient]:
    if entry.transition not in PARTIES:
        return []
    match = agreement.match
    mentee, mentor = match.mentee_application, match.mentor_application
    recipients = [
        _party(agreement, mentee, mentor, entry),
        _party(agreement, mentor, mentee, entry),
    ]
    if entry.transition == "reject":
        pair = f"{mentee.person.full_name} – {mentor.person.full_name}"
        for user in coordinators_of(agreement):
            profile = getattr(user, "wagtail_userprofile", None)
            language = getattr(profile, "preferred_language", "") or "en"
            context = _context(
                agreement,
                user.get_full_name() or user.get_username(),
                language,
                pair,
                entry.comment,
            )
            context["portal_url"] = ""
            recipients.append(Recipient(email=user.email, language=language, context=context))
    return recipients
