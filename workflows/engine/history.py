"""An object's history for display: the entries plus translated state and transition labels.

Every page about an object shows its history through :func:`history_for`: the admin with
``review/includes/history.html``, the applicant's portal as its status timeline. Labels come
from the machine registered under the entry's name (:mod:`workflows.engine.registry`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from workflows.engine.models import HistoryEntry
from workflows.engine.registry import machines


@dataclass(frozen=True)
class HistoryItem:
    entry: HistoryEntry
    transition_label: str
    from_label: str
    to_label: str

    def __getattr__(self, name: str) -> Any:  # the template reads entry fields directly
        if name == "entry":  # not set yet (copy, pickle): no recursion
            raise AttributeError(name)
        return getattr(self.entry, name)


def _labels(machine_name: str, transition: str, from_state: str, to_state: str):
    from django.utils.translation import gettext as _

    machine = machines().get(machine_name)

    def state_label(key: str) -> str:
        if not key:
            return ""
        try:
            return str(machine.state(key).label) if machine else key
        except KeyError:
            return key

    if transition == "create":
        label = _("Created")
    else:
        try:
            label = str(machine.transition(transition).label) if machine else transition
        except KeyError:
            label = transition
    return label, state_label(from_state), state_label(to_state)


def history_for(obj: Any, *, include_private: bool = True) -> list[HistoryItem]:
    """The history of ``obj``, oldest first. ``include_private=False`` hides who did it,
    internal comments, IPs and user agents (for the applicant's own view)."""
    items = []
    for entry in HistoryEntry.objects.for_object(obj).select_related("actor_user"):
        if not include_private:
            entry.comment = ""
            entry.ip_address = None
            entry.user_agent = ""
        items.append(
            HistoryItem(
                entry, *_labels(entry.machine, entry.transition, entry.from_state, entry.to_state)
            )
        )
    return items
