"""Who may see, sign, reject or manage an agreement: plain (allowed, reason) functions.

The engine checks the state and the role; these add what the state cannot say: the cohort's
signing order, signing twice, and that the PDF a person read is the one still issued.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from workflows.agreements.drafting import unresolved
from workflows.agreements.lifecycle import DRAFT, SIGNABLE
from workflows.engine.actors import Actor
from workflows.roles import COORDINATOR, MENTEE, MENTOR, ROLE_LABELS, agreement_roles


def party_role(person: Any, agreement: Any) -> str | None:
    """``"mentee"`` or ``"mentor"`` when ``person`` is that party of the agreement, else None."""
    if person is None:
        return None
    match = agreement.match
    if match.mentee_application.person_id == person.pk:
        return MENTEE
    if match.mentor_application.person_id == person.pk:
        return MENTOR
    return None


def is_coordinator_for(user: Any, agreement: Any) -> bool:
    """Whether ``user`` coordinates the cohort of this agreement's pair."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return COORDINATOR in agreement_roles(Actor(user=user), agreement)


def signed_roles(agreement: Any) -> set[str]:
    """Through ``all()``, so a listing that prefetched the signatures asks nothing per row."""
    return {signature.role for signature in agreement.signatures.all()}


def still_to_sign(agreement: Any) -> list[str]:
    """The roles that still have to sign, in the cohort's order (empty once all signed)."""
    done = signed_roles(agreement)
    return [role for role in agreement.order if role not in done]


def can_sign(agreement: Any, role: str, shown_sha256: str) -> tuple[bool, str]:
    """May ``role`` sign now, having read the PDF whose hash is ``shown_sha256``?"""
    if agreement.state not in SIGNABLE:
        return False, _("This agreement cannot be signed now.")
    if role not in agreement.order:
        return False, _("Your signature is not needed on this agreement.")
    done = signed_roles(agreement)
    if role in done:
        return False, _("You have already signed this agreement.")
    if not agreement.issued_sha256:
        return False, _("The document is still being prepared. Please try again in a minute.")
    if shown_sha256 != agreement.issued_sha256:
        return False, _(
            "The text changed since you opened it. Please read the current version and sign again."
        )
    for earlier in agreement.order[: agreement.order.index(role)]:
        if earlier not in done:
            return False, _("The %(role)s signs first.") % {"role": ROLE_LABELS[earlier]}
    return True, ""


def can_reject(agreement: Any, role: str) -> tuple[bool, str]:
    if agreement.state not in SIGNABLE:
        return False, _("This agreement cannot be rejected now.")
    if role in signed_roles(agreement):
        return False, _("You have signed this agreement, so you can no longer reject it.")
    return True, ""


def can_issue(agreement: Any) -> tuple[bool, str]:
    if agreement.state != DRAFT:
        return False, _("Only a draft can be issued.")
    missing = unresolved(agreement.draft_text)
    if missing:
        parts = "; ".join(
            f"{language}: {', '.join(names)}" for language, names in sorted(missing.items())
        )
        return False, _("Some placeholders are not filled in yet (%(parts)s).") % {"parts": parts}
    if not agreement.draft_text or any(not clauses for clauses in agreement.draft_text.values()):
        return False, _("The draft has no text yet.")
    return True, ""


def can_propose_change(agreement: Any) -> tuple[bool, str]:
    if agreement.state != DRAFT:
        return False, _("Changes can be proposed only while the agreement is a draft.")
    return True, ""
