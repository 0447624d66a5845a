"""Who hears about a transition, in which language, with which placeholders.

The contract: the object a machine runs on provides ``notification_recipients(entry)``
returning a list of :class:`Recipient` (``applications.Application`` names its applicant;
matches and agreements their people). This app knows no domain model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    context: dict[str, Any] = field(default_factory=dict)


def recipients_for(entry: Any, subject: Any) -> list[Recipient]:
    """The recipients ``subject`` names for history entry ``entry``."""
    provider = getattr(subject, "notification_recipients", None)
    if provider is None:
        raise TypeError(f"{type(subject).__name__} does not say who to notify")
    return list(provider(entry))
