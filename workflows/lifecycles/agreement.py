"""The agreement lifecycle: a mentoring agreement from draft to a countersigned, active one.

draft → sent for signature (PDF rendered) → signed by the mentee and the mentor (either order)
→ countersigned by a coordinator → active → completed; void from any open state. A sent
agreement can be taken back to draft for corrections (the signatures restart).

The Agreement model arrives in a later issue; it must have a ``state`` field using
``AGREEMENT.state_choices()`` and ``agreement.match`` (see :func:`workflows.roles.agreement_roles`).
The ``render_pdf`` effect's task must be idempotent (one PDF per history entry).
"""

from django.utils.translation import gettext_lazy as _

from workflows.engine.machine import Effect, Machine, State, Transition
from workflows.roles import COORDINATOR, MENTEE, MENTOR, SYSTEM, agreement_roles

DRAFT = "draft"
SENT = "sent"
MENTEE_SIGNED = "mentee_signed"
MENTOR_SIGNED = "mentor_signed"
SIGNED = "signed"
ACTIVE = "active"
COMPLETED = "completed"
VOID = "void"

STATES = (
    State(DRAFT, _("Draft")),
    State(SENT, _("Sent for signature")),
    State(MENTEE_SIGNED, _("Signed by the mentee")),
    State(MENTOR_SIGNED, _("Signed by the mentor")),
    State(SIGNED, _("Signed by both")),
    State(ACTIVE, _("Countersigned, in force")),
    State(COMPLETED, _("Completed"), is_final=True),
    State(VOID, _("Void"), is_final=True),
)

NOTIFY = Effect("notify", "workflows.notifications.tasks.notify_transition", _("Email"))
RENDER_PDF = Effect("render_pdf", "workflows.notifications.tasks.render_agreement_pdf", _("PDF"))
STAFF = frozenset({COORDINATOR})
STAFF_OR_SYSTEM = frozenset({COORDINATOR, SYSTEM})

TRANSITIONS = (
    Transition(
        "send", (DRAFT,), SENT, _("Send for signature"), STAFF, effects=(RENDER_PDF, NOTIFY)
    ),
    Transition("revise", (SENT,), DRAFT, _("Back to draft"), STAFF, comment_required=True),
    Transition("mentee_signs", (SENT,), MENTEE_SIGNED, _("Mentee signs"), frozenset({MENTEE})),
    Transition("mentor_signs", (SENT,), MENTOR_SIGNED, _("Mentor signs"), frozenset({MENTOR})),
    Transition(
        "mentee_completes",
        (MENTOR_SIGNED,),
        SIGNED,
        _("Mentee signs"),
        frozenset({MENTEE}),
        effects=(NOTIFY,),
    ),
    Transition(
        "mentor_completes",
        (MENTEE_SIGNED,),
        SIGNED,
        _("Mentor signs"),
        frozenset({MENTOR}),
        effects=(NOTIFY,),
    ),
    Transition(
        "countersign",
        (SIGNED,),
        ACTIVE,
        _("Countersign"),
        STAFF,
        effects=(RENDER_PDF, NOTIFY),
    ),
    Transition("complete", (ACTIVE,), COMPLETED, _("Complete"), STAFF_OR_SYSTEM),
    Transition(
        "void",
        (DRAFT, SENT, MENTEE_SIGNED, MENTOR_SIGNED, SIGNED, ACTIVE),
        VOID,
        _("Void"),
        STAFF,
        effects=(NOTIFY,),
        comment_required=True,
    ),
)

AGREEMENT = Machine(
    name="agreement",
    label=_("Mentoring agreement"),
    states=STATES,
    initial=DRAFT,
    transitions=TRANSITIONS,
    roles_of=agreement_roles,
)
