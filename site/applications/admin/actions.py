"""What the signed-in person may do with an application, offered on its listing row and its
inspect page.

The workflow apps above this one know the actions (assign reviewers, decide, open the review);
they register a provider here (``register_action_provider``), so this app shows them without
importing them. A provider returns :class:`Action` rows; one that is not possible carries its
reason (the inspect page shows it, the listing leaves it out).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from applications.models import Application


@dataclass(frozen=True)
class Action:
    key: str
    label: str
    url: str
    allowed: bool = True
    reason: str = ""
    priority: int = 100


#: Providers: (user, application, detailed) -> actions. ``detailed`` is False on listing rows,
#: where a provider may skip expensive checks and leave out impossible actions.
Provider = Callable[[Any, Application, bool], list[Action]]
ACTION_PROVIDERS: list[Provider] = []


def register_action_provider(provider: Provider) -> Provider:
    if provider not in ACTION_PROVIDERS:
        ACTION_PROVIDERS.append(provider)
    return provider


def actions_for(user: Any, application: Application, *, detailed: bool = True) -> list[Action]:
    actions = [
        action for provider in ACTION_PROVIDERS for action in provider(user, application, detailed)
    ]
    return sorted(actions, key=lambda action: action.priority)
