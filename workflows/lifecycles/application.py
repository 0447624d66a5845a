"""The application lifecycle, from submission to the end of the mentoring year.

submitted → in_review → accepted / rejected / waitlisted / changes_requested
(changes_requested → in_review when the applicant amends) → matched → agreement → active →
completed; withdrawn from any open state. Matching and agreements fill in their steps later.
"""

from django.utils.translation import gettext_lazy as _

from workflows.engine.machine import Machine, State, Transition
from workflows.roles import APPLICANT, COORDINATOR, SYSTEM, application_roles

SUBMITTED = "submitted"
IN_REVIEW = "in_review"
CHANGES_REQUESTED = "changes_requested"
ACCEPTED = "accepted"
REJECTED = "rejected"
WAITLISTED = "waitlisted"
MATCHED = "matched"
AGREEMENT = "agreement"
ACTIVE = "active"
COMPLETED = "completed"
WITHDRAWN = "withdrawn"

STATES = (
    State(SUBMITTED, _("Submitted")),
    State(IN_REVIEW, _("In review")),
    State(CHANGES_REQUESTED, _("Changes requested")),
    State(ACCEPTED, _("Accepted")),
    State(REJECTED, _("Rejected"), is_final=True),
    State(WAITLISTED, _("Waiting list")),
    State(MATCHED, _("Matched")),
    State(AGREEMENT, _("Agreement")),
    State(ACTIVE, _("Active")),
    State(COMPLETED, _("Completed"), is_final=True),
    State(WITHDRAWN, _("Withdrawn"), is_final=True),
)

OPEN_STATES = tuple(state.key for state in STATES if not state.is_final)

STAFF = frozenset({COORDINATOR})
STAFF_OR_SYSTEM = frozenset({COORDINATOR, SYSTEM})

TRANSITIONS = (
    Transition("start_review", (SUBMITTED,), IN_REVIEW, _("Start review"), STAFF_OR_SYSTEM),
    Transition(
        "request_changes",
        (IN_REVIEW,),
        CHANGES_REQUESTED,
        _("Ask for changes"),
        STAFF,
        comment_required=True,
    ),
    Transition(
        "amend", (CHANGES_REQUESTED,), IN_REVIEW, _("Submit changes"), frozenset({APPLICANT})
    ),
    Transition("accept", (IN_REVIEW, WAITLISTED), ACCEPTED, _("Accept"), STAFF),
    Transition("reject", (IN_REVIEW, WAITLISTED), REJECTED, _("Reject"), STAFF),
    Transition("waitlist", (IN_REVIEW,), WAITLISTED, _("Put on the waiting list"), STAFF),
    Transition("match", (ACCEPTED,), MATCHED, _("Match"), STAFF_OR_SYSTEM),
    Transition("unmatch", (MATCHED,), ACCEPTED, _("Undo the match"), STAFF),
    Transition(
        "prepare_agreement", (MATCHED,), AGREEMENT, _("Prepare the agreement"), STAFF_OR_SYSTEM
    ),
    Transition("activate", (AGREEMENT,), ACTIVE, _("Start mentoring"), STAFF_OR_SYSTEM),
    Transition("complete", (ACTIVE,), COMPLETED, _("Complete"), STAFF_OR_SYSTEM),
    Transition(
        "withdraw",
        OPEN_STATES,
        WITHDRAWN,
        _("Withdraw"),
        frozenset({APPLICANT, COORDINATOR}),
    ),
)

APPLICATION = Machine(
    name="application",
    label=_("Application"),
    states=STATES,
    initial=SUBMITTED,
    transitions=TRANSITIONS,
    roles_of=application_roles,
)
