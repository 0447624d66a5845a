"""Who may change which consent: plain functions returning ``(allowed, reason)``."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from consents.purposes import get_purpose


def can_change_consent(person: Any, purpose_key: str) -> tuple[bool, str]:
    """A signed-in person gives or withdraws their own optional purposes; a required one
    (processing the application) is given with the form and ended by asking for erasure."""
    if person is None:
        return False, _("Please sign in.")
    purpose = get_purpose(purpose_key)
    if purpose is None:
        return False, _("There is no such purpose.")
    if purpose.required:
        return False, _(
            "This consent is needed to take part in the programme. To withdraw it, ask us to "
            "erase your data."
        )
    return True, ""
