"""The meeting lifecycle: planned → held or cancelled; a past meeting is logged as held.

Meetings are written by a tandem's mentee or mentor in the portal. A meeting in the past is
never "planned": :func:`workflows.programme_life.meetings.log_meeting` records it planned and
held in one transaction, dated when it took place, so the history reads as it happened.
"""

from django.utils.translation import gettext_lazy as _

from workflows.engine.machine import Machine, State, Transition
from workflows.engine.registry import register
from workflows.programme_life.roles import AUTHOR, COORDINATOR, PARTNER, SYSTEM, meeting_roles
from workflows.roles import ROLE_LABELS

PLANNED = "planned"
HELD = "held"
CANCELLED = "cancelled"

STATES = (
    State(PLANNED, _("Planned")),
    State(HELD, _("Held"), is_final=True),
    State(CANCELLED, _("Cancelled"), is_final=True),
)

PARTICIPANTS = frozenset({AUTHOR, PARTNER})

TRANSITIONS = (
    Transition(
        "mark_held",
        (PLANNED,),
        HELD,
        _("Mark as held"),
        PARTICIPANTS | {COORDINATOR, SYSTEM},
    ),
    Transition("cancel", (PLANNED,), CANCELLED, _("Cancel the meeting"), PARTICIPANTS),
)

MEETING = Machine(
    name="meeting",
    label=_("Meeting"),
    states=STATES,
    initial=PLANNED,
    transitions=TRANSITIONS,
    roles_of=meeting_roles,
    role_labels={**ROLE_LABELS, AUTHOR: _("author"), PARTNER: _("partner")},
)
register(MEETING)
