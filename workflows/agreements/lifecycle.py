"""The agreement lifecycle: one version of a mentoring agreement, from draft to sealed.

draft (tailored to the pair, both may propose changes) → issued (the coordinator froze the
text; its PDF is rendered and its SHA-256 is what people sign) → signing (some have signed)
→ signed (everyone in the cohort's order has signed) → active (the final PDF with the
certificate of completion is sealed) → completed. A party who has not signed may reject
(issued/signing → rejected); a coordinator may take an unsigned issued version back to draft,
or void any open version, which creates the next version to be signed again.

Who may sign when (the order, signing twice, the text's hash) is decided by
:mod:`workflows.agreements.permissions` before the engine is asked: the engine checks the
state and the role, the permission functions the rest, each with a reason.
"""

from django.utils.translation import gettext_lazy as _

from workflows.engine.machine import Effect, Machine, State, Transition
from workflows.engine.registry import register
from workflows.roles import COORDINATOR, MENTEE, MENTOR, ROLE_LABELS, SYSTEM, agreement_roles

DRAFT = "draft"
ISSUED = "issued"
SIGNING = "signing"
SIGNED = "signed"
ACTIVE = "active"
COMPLETED = "completed"
REJECTED = "rejected"
VOID = "void"

STATES = (
    State(DRAFT, _("Draft")),
    State(ISSUED, _("Issued, awaiting signatures")),
    State(SIGNING, _("Partly signed")),
    State(SIGNED, _("Signed by everyone, being sealed")),
    State(ACTIVE, _("Signed and sealed, in force")),
    State(COMPLETED, _("Completed"), is_final=True),
    State(REJECTED, _("Rejected"), is_final=True),
    State(VOID, _("Void"), is_final=True),
)

NOTIFY = Effect("notify", "workflows.notifications.tasks.notify_transition", _("Email"))
RENDER_PDF = Effect("render_pdf", "workflows.agreements.tasks.render_issued_pdf", _("PDF"))
SEAL = Effect("seal", "workflows.agreements.tasks.seal_agreement", _("Final PDF and seal"))
STAFF = frozenset({COORDINATOR})
SIGNERS = frozenset({MENTEE, MENTOR, COORDINATOR})
PARTIES = frozenset({MENTEE, MENTOR})
SIGNABLE = (ISSUED, SIGNING)
#: Versions that still count (a new one may not be drafted beside them).
OPEN = (DRAFT, ISSUED, SIGNING, SIGNED, ACTIVE)

TRANSITIONS = (
    Transition(
        "issue", (DRAFT,), ISSUED, _("Issue the final text"), STAFF, effects=(RENDER_PDF, NOTIFY)
    ),
    Transition("revise", (ISSUED,), DRAFT, _("Back to draft"), STAFF, comment_required=True),
    Transition("sign", SIGNABLE, SIGNING, _("Sign"), SIGNERS),
    Transition(
        "sign_last", SIGNABLE, SIGNED, _("Sign (last signature)"), SIGNERS, effects=(SEAL, NOTIFY)
    ),
    Transition("seal", (SIGNED,), ACTIVE, _("Seal"), frozenset({SYSTEM})),
    Transition(
        "reject", SIGNABLE, REJECTED, _("Reject"), PARTIES, effects=(NOTIFY,), comment_required=True
    ),
    Transition("complete", (ACTIVE,), COMPLETED, _("Complete"), frozenset({COORDINATOR, SYSTEM})),
    Transition(
        "void",
        (DRAFT, ISSUED, SIGNING, SIGNED, ACTIVE),
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
    role_labels=ROLE_LABELS,
)
register(AGREEMENT)
