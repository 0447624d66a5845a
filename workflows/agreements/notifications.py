"""Who hears about an agreement's transition, in their own language.

* issue: both parties (please read and sign in the portal);
* sign_last: both parties (everyone signed; the sealed PDF is ready to download);
* reject: both parties and the cohort's coordinators, with the reason;
* void: both parties (a new version will follow).
Single signatures send nothing: every screen shows who still has to sign.
"""

from __future__ import annotations

from typing import Any

from workflows.notifications.recipients import Recipient, applicant_context, applicant_language

PARTIES = {"issue", "sign_last", "reject", "void"}


def _party(application: Any, other: Any, entry: Any) -> Recipient:
    context = applicant_context(application, entry.message or entry.comment)
    context["partner"] = other.person.full_name
    return Recipient(
        email=application.person.email, language=applicant_language(application), context=context
    )


def agreement_recipients(agreement: Any, entry: Any) -> list[Recipient]:
    if entry.transition not in PARTIES:
        return []
    match = agreement.match
    mentee, mentor = match.mentee_application, match.mentor_application
    recipients = [_party(mentee, mentor, entry), _party(mentor, mentee, entry)]
    if entry.transition == "reject":
        from workflows.matching.notifications import cohort_coordinators

        for user in cohort_coordinators(match.cohort):
            profile = getattr(user, "wagtail_userprofile", None)
            language = getattr(profile, "preferred_language", "") or "en"
            recipients.append(
                Recipient(
                    email=user.email,
                    language=language,
                    context={
                        "name": user.get_full_name() or user.get_username(),
                        "cohort": recipients[0].context.get("cohort", ""),
                        "partner": f"{mentee.person.full_name} – {mentor.person.full_name}",
                        "message": entry.comment,
                        "portal_url": "",
                        "role": "",
                    },
                )
            )
    return recipients
