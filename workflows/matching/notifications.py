"""Who hears about a match's transition, in their own language.

* approve: mentee and mentor (please confirm in the portal);
* mentee_completes / mentor_completes (the match is confirmed): both;
* decline: both, and the cohort's coordinators (the pair is free for the next run);
* cancel: both, unless the match was only a proposal they never heard of.
Confirming one's own half (mentee_confirms / mentor_confirms) sends nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from applications.notifications import applicant_context, applicant_language
from workflows.matching.lifecycle import PROPOSED
from workflows.notifications.recipients import Recipient

BOTH = {"approve", "mentee_completes", "mentor_completes", "decline", "cancel"}


def _participant(application: Any, other: Any, match: Any, entry: Any) -> Recipient:
    context = applicant_context(application, entry.message or entry.comment)
    context["partner"] = other.person.full_name
    with translation.override(applicant_language(application)):
        path = reverse("matching:detail", args=[match.pk])
    context["match_url"] = f"{settings.SITE_URL}{path}"
    return Recipient(
        email=application.person.email,
        language=applicant_language(application),
        context=context,
    )


def cohort_coordinators(cohort: Any) -> list[Any]:
    """Active coordinators of ``cohort`` (cohort-scoped or global), with an email address."""
    from workflows.access.cohorts import is_coordinator_of
    from workflows.access.groups import COORDINATORS

    users = get_user_model().objects.filter(is_active=True, groups__name=COORDINATORS)
    return [u for u in users.exclude(email="") if is_coordinator_of(u, cohort)]


def match_recipients(match: Any, entry: Any) -> list[Recipient]:
    if entry.transition not in BOTH:
        return []
    if entry.transition == "cancel" and entry.from_state == PROPOSED:
        return []
    mentee, mentor = match.mentee_application, match.mentor_application
    recipients = [
        _participant(mentee, mentor, match, entry),
        _participant(mentor, mentee, match, entry),
    ]
    if entry.transition == "decline":
        from base.localization import localized_title

        for user in cohort_coordinators(match.cohort):
            language = getattr(user, "wagtail_userprofile", None)
            language = getattr(language, "preferred_language", "") or "en"
            recipients.append(
                Recipient(
                    email=user.email,
                    language=language,
                    context={
                        "name": user.get_full_name() or user.get_username(),
                        "cohort": localized_title(match.cohort, language),
                        "mentee": mentee.person.full_name,
                        "mentor": mentor.person.full_name,
                        "message": entry.message or entry.comment,
                        "portal_url": "",
                    },
                )
            )
    return recipients
