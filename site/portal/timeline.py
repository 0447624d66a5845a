"""An application's history as the applicant sees it.

Built from :func:`workflows.engine.history.history_for` with ``include_private=False`` (the
same entries and labels the admin shows): the state reached, when, and the message a
coordinator addressed to the applicant. Internal comments and who acted are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from applications.models import Application
from workflows.engine.history import history_for
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
    items = [
        TimelineItem(
            state=item.to_state,
            label=item.to_label,
            at=item.created_at,
            message=item.message,
            is_current=False,
        )
        for item in history_for(application, include_private=False)
        if item.machine == APPLICATION.name
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
