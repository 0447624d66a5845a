"""An application's history as the applicant sees it.

Built from the append-only :class:`~workflows.engine.models.HistoryEntry` rows: the state
reached (a translated label), when, and the message a coordinator addressed to the applicant.
Internal comments and who acted are deliberately left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from applications.models import Application
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION


@dataclass(frozen=True)
class TimelineItem:
    state: str
    label: str
    at: datetime
    message: str
    is_current: bool


def state_label(key: str) -> str:
    try:
        return str(APPLICATION.state(key).label)
    except KeyError:
        return key


def timeline_for(application: Application) -> list[TimelineItem]:
    """Oldest first. Falls back to the submission alone when no history was recorded."""
    entries = list(
        HistoryEntry.objects.for_object(application)
        .filter(machine=APPLICATION.name)
        .only("to_state", "created_at", "message")
    )
    items = [
        TimelineItem(
            state=entry.to_state,
            label=state_label(entry.to_state),
            at=entry.created_at,
            message=entry.message,
            is_current=False,
        )
        for entry in entries
    ]
    if not items:
        items.append(
            TimelineItem(
                state=application.state,
                label=state_label(application.state),
                at=application.submitted_at,
                message="",
                is_current=True,
            )
        )
        return items
    last = items[-1]
    items[-1] = TimelineItem(last.state, last.label, last.at, last.message, True)
    return items
