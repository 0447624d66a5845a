"""The match lifecycle: a proposed mentee-mentor pair until both have said yes.

proposed → approved (by a coordinator) → confirmed once the mentee AND the mentor confirmed
(in either order, through the two half-confirmed states) · declined by either of them ·
cancelled by a coordinator from any open state.

The model is :class:`workflows.matching.models.Match`. Every state change goes through the
engine; the services in :mod:`workflows.matching.services` move both applications to
"matched" when a match becomes confirmed. Effects call
:func:`workflows.notifications.tasks.notify_transition`, which asks the subject for
``notification_recipients(transition_name)``.
"""

from django.utils.translation import gettext_lazy as _

from workflows.engine.machine import Effect, Machine, State, Transition
from workflows.engine.registry import register
from workflows.roles import COORDINATOR, MENTEE, MENTOR, ROLE_LABELS, SYSTEM, match_roles

PROPOSED = "proposed"
APPROVED = "approved"
MENTEE_CONFIRMED = "mentee_confirmed"
MENTOR_CONFIRMED = "mentor_confirmed"
CONFIRMED = "confirmed"
DECLINED = "declined"
CANCELLED = "cancelled"

STATES = (
    State(PROPOSED, _("Proposed")),
    State(APPROVED, _("Approved, awaiting confirmation")),
    State(MENTEE_CONFIRMED, _("Confirmed by the mentee")),
    State(MENTOR_CONFIRMED, _("Confirmed by the mentor")),
    State(CONFIRMED, _("Confirmed"), is_final=True),
    State(DECLINED, _("Declined"), is_final=True),
    State(CANCELLED, _("Cancelled"), is_final=True),
)

NOTIFY = Effect("notify", "workflows.notifications.tasks.notify_transition", _("Email"))
STAFF = frozenset({COORDINATOR})
STAFF_OR_SYSTEM = frozenset({COORDINATOR, SYSTEM})
WAITING = (APPROVED, MENTEE_CONFIRMED, MENTOR_CONFIRMED)

#: States in which a match still holds its mentee and a place of its mentor.
HOLDING = (PROPOSED, *WAITING, CONFIRMED)
#: States in which a coordinator has approved the pair (it counts against the mentor's capacity).
COMMITTED = (*WAITING, CONFIRMED)

TRANSITIONS = (
    Transition("approve", (PROPOSED,), APPROVED, _("Approve"), STAFF, effects=(NOTIFY,)),
    Transition(
        "mentee_confirms",
        (APPROVED,),
        MENTEE_CONFIRMED,
        _("Mentee confirms"),
        frozenset({MENTEE}),
    ),
    Transition(
        "mentor_confirms",
        (APPROVED,),
        MENTOR_CONFIRMED,
        _("Mentor confirms"),
        frozenset({MENTOR}),
    ),
    Transition(
        "mentee_completes",
        (MENTOR_CONFIRMED,),
        CONFIRMED,
        _("Mentee confirms"),
        frozenset({MENTEE}),
        effects=(NOTIFY,),
    ),
    Transition(
        "mentor_completes",
        (MENTEE_CONFIRMED,),
        CONFIRMED,
        _("Mentor confirms"),
        frozenset({MENTOR}),
        effects=(NOTIFY,),
    ),
    Transition(
        "decline",
        WAITING,
        DECLINED,
        _("Decline"),
        frozenset({MENTEE, MENTOR}),
        effects=(NOTIFY,),
        comment_required=True,
    ),
    Transition(
        "cancel",
        (PROPOSED, *WAITING),
        CANCELLED,
        _("Cancel"),
        STAFF_OR_SYSTEM,
        effects=(NOTIFY,),
    ),
)

MATCH = Machine(
    name="match",
    label=_("Match"),
    states=STATES,
    initial=PROPOSED,
    transitions=TRANSITIONS,
    roles_of=match_roles,
    role_labels=ROLE_LABELS,
)
register(MATCH)
