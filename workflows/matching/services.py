"""What coordinators and participants do with matches; each function is one transaction and
changes state only through the engine.

* approve: locks the mentor's application row first, so concurrent approvals of pairs sharing a
  mentor are serialised and the one that would exceed the capacity gets a conflict;
* swap two proposals' mentors, lock / forbid / declare a conflict (a forbid cancels a proposal);
* confirm (mentee or mentor, in either order) and decline, from the portal: a confirmed match
  moves both applications to "matched" and is remembered as a past pair (keyed hash);
  a decline frees both for the next run and tells the coordinators.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applications.models import Application
from workflows.engine.actors import Actor
from workflows.engine.engine import (
    TransitionConflict,
    TransitionError,
    TransitionRefused,
    apply_transition,
    check_transition,
    record_start,
)
from workflows.lifecycles.application import ACCEPTED, APPLICATION
from workflows.matching.data import Instance
from workflows.matching.explain import why_not
from workflows.matching.inputs import applied_capacity, pair_digest, participant, settings_for
from workflows.matching.keys import DEFAULT_SWITCHES
from workflows.matching.lifecycle import (
    APPROVED,
    COMMITTED,
    CONFIRMED,
    MATCH,
    MENTEE_CONFIRMED,
    MENTOR_CONFIRMED,
    PROPOSED,
)
from workflows.matching.models import Match, PairRule, PastPairHash
from workflows.matching.solver import evaluate, solve

QUIET = frozenset({"notify"})


def approve(match: Match, actor: Actor, *, occurred_at=None, quiet: bool = False) -> Match:
    """Approve a proposed pair. One transaction: the mentor's application row is locked, the
    mentor's approved and confirmed matches counted against their capacity, then the engine's
    compare-and-set. Raises ``TransitionConflict`` when the mentor is full or someone else
    approved (or cancelled) it first, ``TransitionRefused`` for the wrong role or state.
    ``occurred_at`` and ``quiet`` are for replaying history (the demo): dated, no email."""
    check = check_transition(MATCH, match, "approve", actor)
    if not check.allowed:
        raise TransitionRefused(check.reason)
    with transaction.atomic():
        mentor = Application.objects.select_for_update().get(pk=match.mentor_application_id)
        taken = Match.objects.filter(mentor_application=mentor, state__in=COMMITTED).count()
        if taken >= applied_capacity(mentor):
            raise TransitionConflict(
                _("%(mentor)s has no place left (capacity %(capacity)s).")
                % {"mentor": mentor.person.full_name, "capacity": applied_capacity(mentor)}
            )
        apply_transition(
            MATCH,
            match,
            "approve",
            actor,
            occurred_at=occurred_at,
            disabled_effects=QUIET if quiet else frozenset(),
        )
    return match


@dataclass
class BatchResult:
    done: list[Match] = field(default_factory=list)
    refused: list[tuple[Match, str]] = field(default_factory=list)


def approve_many(matches, actor: Actor) -> BatchResult:
    """Approve each (its own transaction): one refusal leaves the others approved."""
    result = BatchResult()
    for match in matches:
        try:
            approve(match, actor)
        except TransitionError as error:
            result.refused.append((match, error.reason))
        else:
            result.done.append(match)
    return result


def _pair_allowed(cohort: Any, mentee: Application, mentor: Application) -> str:
    """Empty, or why the hard constraints exclude this pair (checked like a run would)."""
    from workflows.matching.inputs import build_instance

    full, _record = build_instance(cohort, keep=False)
    switches = {**DEFAULT_SWITCHES, **dict(full.switches)}
    instance = Instance(
        mentees=(participant(mentee),),
        mentors=(participant(mentor, capacity=max(applied_capacity(mentor), 1)),),
        weights=full.weights,
        switches=switches,
        forbids=full.forbids,
        conflicts=full.conflicts,
        past_pairs=full.past_pairs,
        declined=full.declined,
        vetoes=full.vetoes,
        starts_on=full.starts_on,
        ends_on=full.ends_on,
    )
    ev = evaluate(instance)
    answer = why_not(ev, solve(ev), mentee.pk, mentor.pk)
    return answer["text"] if answer["kind"] == "constraint" else ""


def propose(cohort: Any, mentee: Application, mentor: Application, actor: Actor) -> Match:
    """A coordinator's own proposal (e.g. one half of a swap), checked against the hard
    constraints. Raises ``TransitionRefused`` with the reason."""
    reason = _pair_allowed(cohort, mentee, mentor)
    if reason:
        raise TransitionRefused(reason)
    from workflows.matching.inputs import build_instance
    from workflows.matching.scoring import breakdown

    instance, _record = build_instance(cohort, keep=False)
    ev = evaluate(
        Instance(
            mentees=(participant(mentee),),
            mentors=(participant(mentor),),
            weights=instance.weights,
            switches=instance.switches,
            starts_on=instance.starts_on,
            ends_on=instance.ends_on,
        )
    )
    try:
        with transaction.atomic():
            match = Match.objects.create(
                cohort=cohort,
                mentee_application=mentee,
                mentor_application=mentor,
                score=round(float(ev.scores[0, 0]), 3),
                breakdown=breakdown(ev.inst, ev.values, 0, 0),
            )
            record_start(MATCH, match, actor, comment=_("Proposed by a coordinator."))
    except IntegrityError as error:
        raise TransitionConflict(_("This mentee already has a match.")) from error
    return match


def swap(first: Match, second: Match, actor: Actor) -> tuple[Match, Match]:
    """Exchange the mentors of two proposals (one transaction): both are cancelled and the two
    crossed pairs proposed, if the hard constraints allow them."""
    if first.cohort_id != second.cohort_id or first.pk == second.pk:
        raise TransitionRefused(_("Choose two different proposals of the same cohort."))
    for match in (first, second):
        if match.state != PROPOSED:
            raise TransitionRefused(_("Only proposals that are not approved yet can be swapped."))
    for mentee, mentor in (
        (first.mentee_application, second.mentor_application),
        (second.mentee_application, first.mentor_application),
    ):
        reason = _pair_allowed(first.cohort, mentee, mentor)
        if reason:
            raise TransitionRefused(reason)
    with transaction.atomic():
        apply_transition(MATCH, first, "cancel", actor, message="swap", disabled_effects=QUIET)
        apply_transition(MATCH, second, "cancel", actor, message="swap", disabled_effects=QUIET)
        a = propose(first.cohort, first.mentee_application, second.mentor_application, actor)
        b = propose(first.cohort, second.mentee_application, first.mentor_application, actor)
    return a, b


def set_rule(
    cohort: Any, mentee: Application, mentor: Application, kind: str, user: Any, note: str = ""
) -> PairRule:
    """Lock, forbid or declare a conflict for a pair (replacing an earlier rule for it). A
    forbid or conflict cancels the pair's open proposal."""
    if kind not in PairRule.Kind.values:
        raise TransitionRefused(_("There is no such rule."))
    if mentee.role != "mentee" or mentor.role != "mentor":
        raise TransitionRefused(_("A rule pairs a mentee's application with a mentor's."))
    if mentee.cohort_id != cohort.pk or mentor.cohort_id != cohort.pk:
        raise TransitionRefused(_("Both applications must belong to this cohort."))
    with transaction.atomic():
        rule, _created = PairRule.objects.update_or_create(
            mentee_application=mentee,
            mentor_application=mentor,
            defaults={"cohort": cohort, "kind": kind, "note": note, "created_by": user},
        )
        if kind != PairRule.Kind.LOCK:
            actor = Actor(user=user)
            for match in Match.objects.filter(
                mentee_application=mentee, mentor_application=mentor, state=PROPOSED
            ):
                apply_transition(
                    MATCH, match, "cancel", actor, message=kind, disabled_effects=QUIET
                )
    return rule


def remove_rule(rule: PairRule) -> None:
    rule.delete()


def confirm(match: Match, actor: Actor, *, occurred_at=None, quiet: bool = False) -> Match:
    """The mentee or the mentor (``actor.person``) says yes. The second yes confirms the match,
    moves both applications to "matched" (a mentor with a second mentee stays matched) and
    remembers the pair as a keyed hash. One transaction."""
    person = actor.person
    is_mentee = person is not None and person.pk == match.mentee_application.person_id
    is_mentor = person is not None and person.pk == match.mentor_application.person_id
    if is_mentee:
        name = "mentee_completes" if match.state == MENTOR_CONFIRMED else "mentee_confirms"
        stamp = "mentee_confirmed_at"
    elif is_mentor:
        name = "mentor_completes" if match.state == MENTEE_CONFIRMED else "mentor_confirms"
        stamp = "mentor_confirmed_at"
    else:
        raise TransitionRefused(_("You are not allowed to take this step."))
    disabled = QUIET if quiet else frozenset()
    when = occurred_at or timezone.now()
    with transaction.atomic():
        apply_transition(
            MATCH, match, name, actor, occurred_at=occurred_at, disabled_effects=disabled
        )
        Match.objects.filter(pk=match.pk).update(**{stamp: when})
        setattr(match, stamp, when)
        if match.state == CONFIRMED:
            _matched(match, occurred_at)
    return match


def _matched(match: Match, occurred_at) -> None:
    system = Actor.system()
    for application in (match.mentee_application, match.mentor_application):
        fresh = Application.objects.get(pk=application.pk)
        if fresh.state == ACCEPTED:
            apply_transition(
                APPLICATION,
                fresh,
                "match",
                system,
                message=_("Paired in a confirmed match."),
                occurred_at=occurred_at,
            )
    digest = pair_digest(
        match.mentee_application.person.email, match.mentor_application.person.email
    )
    PastPairHash.objects.get_or_create(
        digest=digest, defaults={"cohort_key": str(match.cohort.translation_key)}
    )


def decline(match: Match, actor: Actor, comment: str) -> Match:
    """The mentee or the mentor says no (a comment is required). Both are free for the next
    run (their applications never left "accepted"); the pair is not proposed again; both and
    the coordinators are told."""
    apply_transition(MATCH, match, "decline", actor, comment=comment)
    return match


def cancel(match: Match, actor: Actor, comment: str = "") -> Match:
    """A coordinator withdraws a proposal or an approved pair (the people are told if they had
    been)."""
    quiet = QUIET if match.state == PROPOSED else frozenset()
    apply_transition(MATCH, match, "cancel", actor, comment=comment, disabled_effects=quiet)
    return match


def participant_matches(person: Any):
    """The matches a portal person may see: approved or later, as mentee or mentor."""
    from django.db.models import Q

    return (
        Match.objects.filter(
            Q(mentee_application__person=person) | Q(mentor_application__person=person)
        )
        .exclude(state=PROPOSED)
        .select_related(
            "cohort",
            "mentee_application__person",
            "mentor_application__person",
            "mentee_application__profile__institution",
            "mentor_application__profile__institution",
        )
        .order_by("-created_at")
    )


def participant_actions(match: Match, person: Any) -> list[str]:
    """ "confirm" and/or "decline", if this person may take them now."""
    actor = Actor(person=person)
    actions = []
    if match.state in (APPROVED, MENTEE_CONFIRMED, MENTOR_CONFIRMED):
        is_mentee = person.pk == match.mentee_application.person_id
        already = (is_mentee and match.state == MENTEE_CONFIRMED) or (
            not is_mentee and match.state == MENTOR_CONFIRMED
        )
        if not already:
            actions.append("confirm")
        if check_transition(MATCH, match, "decline", actor).allowed:
            actions.append("decline")
    return actions


__all__ = [
    "approve",
    "approve_many",
    "cancel",
    "confirm",
    "decline",
    "propose",
    "remove_rule",
    "set_rule",
    "settings_for",
    "swap",
]
