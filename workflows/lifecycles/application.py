"""The application lifecycle, from submission to the end of the mentoring year.

submitted → in_review → accepted / rejected / waitlisted / changes_requested
(changes_requested → in_review when the applicant amends) → matched → agreement → active →
completed; withdrawn from any open state. Matching and agreements fill in their steps later.
"""

from django.utils.translation import gettext_lazy as _

from workflows.engine.machine import Effect, Machine, State, Transition
from workflows.engine.registry import register
from workflows.roles import APPLICANT, COORDINATOR, ROLE_LABELS, SYSTEM, application_roles

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

#: The coordinator's decisions after review (offered one by one or in batch).
DECISIONS = ("accept", "waitlist", "reject", "request_changes")

OPEN_STATES = tuple(state.key for state in STATES if not state.is_final)

#: Tells the applicant, in their language, from an editable template (one per transition).
EMAIL_APPLICANT = Effect(
    "email_applicant", "workflows.notifications.tasks.notify_transition", _("Email the applicant")
)

#: Tells the cohort's coordinators (each in their language and time zone) what an applicant did.
EMAIL_COORDINATORS = Effect(
    "email_coordinators",
    "workflows.review.staff_emails.email_coordinators",
    _("Email the coordinators"),
)

#: Tells the assigned reviewers: at most one digest per reviewer and day (later assignments
#: are picked up by the hourly schedule of the same digest).
EMAIL_REVIEWERS = Effect(
    "email_reviewers", "workflows.review.staff_emails.email_reviewers", _("Email the reviewers")
)

STAFF = frozenset({COORDINATOR})


def cohort_has_room(application, actor) -> str | None:
    """Guard: a cohort accepts at most ``capacity`` people per role."""
    from django.utils.translation import gettext

    taken = (
        type(application)
        ._default_manager.filter(
            cohort=application.cohort,
            role=application.role,
            state__in=(ACCEPTED, MATCHED, AGREEMENT, ACTIVE, COMPLETED),
        )
        .exclude(pk=application.pk)
        .count()
    )
    capacity = getattr(application.cohort, "capacity", None)
    if capacity is not None and taken >= capacity:
        return gettext("The cohort is full: %(count)s of %(capacity)s places are taken.") % {
            "count": taken,
            "capacity": capacity,
        }
    return None


def lock_cohort(application) -> None:
    """Lock: the application's cohort row (``SELECT ... FOR UPDATE``), so acceptances into one
    cohort run one at a time and :func:`cohort_has_room` counts every place already taken.
    (SQLite ignores the lock; it serialises writing transactions anyway.)"""
    cohort_model = type(application)._meta.get_field("cohort").related_model
    rows = cohort_model._default_manager.select_for_update().filter(pk=application.cohort_id)
    list(rows.values_list("pk", flat=True))


STAFF_OR_SYSTEM = frozenset({COORDINATOR, SYSTEM})

TRANSITIONS = (
    Transition(
        "start_review",
        (SUBMITTED,),
        IN_REVIEW,
        _("Start review"),
        STAFF_OR_SYSTEM,
        effects=(EMAIL_APPLICANT, EMAIL_REVIEWERS),
    ),
    Transition(
        "request_changes",
        (IN_REVIEW,),
        CHANGES_REQUESTED,
        _("Ask for changes"),
        STAFF,
        effects=(EMAIL_APPLICANT,),
        comment_required=True,
    ),
    Transition(
        "amend",
        (CHANGES_REQUESTED,),
        IN_REVIEW,
        _("Submit changes"),
        frozenset({APPLICANT}),
        effects=(EMAIL_COORDINATORS,),
    ),
    Transition(
        "accept",
        (IN_REVIEW, WAITLISTED),
        ACCEPTED,
        _("Accept"),
        STAFF,
        guards=(cohort_has_room,),
        lock=lock_cohort,
        effects=(EMAIL_APPLICANT,),
    ),
    Transition(
        "reject", (IN_REVIEW, WAITLISTED), REJECTED, _("Reject"), STAFF, effects=(EMAIL_APPLICANT,)
    ),
    Transition(
        "waitlist",
        (IN_REVIEW,),
        WAITLISTED,
        _("Put on the waiting list"),
        STAFF,
        effects=(EMAIL_APPLICANT,),
    ),
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
        effects=(EMAIL_APPLICANT, EMAIL_COORDINATORS),
    ),
)

APPLICATION = Machine(
    name="application",
    label=_("Application"),
    states=STATES,
    initial=SUBMITTED,
    transitions=TRANSITIONS,
    roles_of=application_roles,
    role_labels=ROLE_LABELS,
)
register(APPLICATION)
