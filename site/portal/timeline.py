"""An application's history as the applicant sees it.

The same entries and labels the admin shows (:func:`workflows.engine.history.history_for`
with ``include_private=False``): the state reached, when, and the message a coordinator
addressed to the applicant. Internal comments and who acted are left out: only the
application lifecycle's entries are read, and of them only the state, the time and the
message. :func:`timelines_for` reads the histories of many applications in one query (the
dashboard), :func:`timeline_for` is the same for one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType

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


def timelines_for(applications: Iterable[Application]) -> dict[int, list[TimelineItem]]:
    """Each application's timeline by primary key, oldest first, from one query.

    An application without recorded history gets its submission alone (see
    :func:`timeline_for`); the last item of every timeline is the current one.
    """
    applications = list(applications)
    if not applications:
        return {}
    entries = (
        HistoryEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Application, for_concrete_model=True),
            object_id__in=[str(application.pk) for application in applications],
            machine=APPLICATION.name,
        )
        .order_by("created_at", "pk")
        .values_list("object_id", "to_state", "created_at", "message")
    )
    by_pk: dict[str, list[TimelineItem]] = {}
    for object_id, to_state, created_at, message in entries:
        by_pk.setdefault(object_id, []).append(
            TimelineItem(
                state=to_state,
                label=state_label(to_state),
                at=created_at,
                message=message,
                is_current=False,
            )
        )
    timelines = {}
    for application in applications:
        items = by_pk.get(str(application.pk))
        if not items:
            items = [
                TimelineItem(
                    state=application.state,
                    label=state_label(application.state),
                    at=application.submitted_at,
                    message="",
                    is_current=True,
                )
            ]
        else:
            last = items[-1]
            items[-1] = TimelineItem(last.state, last.label, last.at, last.message, True)
        timelines[application.pk] = items
    return timelines


def timeline_for(application: Application) -> list[TimelineItem]:
    """Oldest first. Falls back to the submission alone when no history was recorded."""
    return timelines_for([application])[application.pk]
