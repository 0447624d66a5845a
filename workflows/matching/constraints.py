"""Hard constraints: each excludes pairs for a reason, and each can be switched off per cohort.

:data:`CONSTRAINTS` is the table: key, translated label, the reason a coordinator reads when
it excludes a pair, and a function giving, for whole cohorts, which pairs it *allows*
(a boolean mentees × mentors matrix). Locks are not a constraint but a demand; :func:`lock_problems`
refuses locks that break a hard constraint or contradict each other.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from workflows.matching import keys
from workflows.matching.data import Instance, Pair, Participant
from workflows.matching.text import fold

#: CEFR levels good enough to mentor in (as applications.core.MENTORING_LEVELS).
MENTORING_LEVELS = frozenset({"B2", "C1", "C2", "native"})


def _pairs_mask(pairs: frozenset[Pair], mentees, mentors) -> np.ndarray:
    """True where the pair is NOT in ``pairs``."""
    allowed = np.ones((len(mentees), len(mentors)), dtype=bool)
    if not pairs:
        return allowed
    rows = {p.id: i for i, p in enumerate(mentees)}
    cols = {p.id: j for j, p in enumerate(mentors)}
    for mentee_id, mentor_id in pairs:
        if mentee_id in rows and mentor_id in cols:
            allowed[rows[mentee_id], cols[mentor_id]] = False
    return allowed


def _codes(values: Sequence[str]) -> np.ndarray:
    table: dict[str, int] = {}
    return np.array([table.setdefault(v, len(table)) for v in values], dtype=np.int64)


def cross_border(inst: Instance, mentees, mentors) -> np.ndarray:
    """Mentee and mentor at institutions in different countries (unknown countries pass)."""
    both = _codes([p.country for p in (*mentees, *mentors)])
    a, b = both[: len(mentees)], both[len(mentees) :]
    a_known = np.array([bool(p.country) for p in mentees], dtype=bool)
    b_known = np.array([bool(p.country) for p in mentors], dtype=bool)
    differ = a[:, None] != b[None, :]
    return differ | ~a_known[:, None] | ~b_known[None, :]


def shared_language(inst: Instance, mentees, mentors) -> np.ndarray:
    """At least one language both speak at B2 or better."""
    languages = sorted({lang for p in (*mentees, *mentors) for lang in p.languages})
    column = {lang: k for k, lang in enumerate(languages)}

    def hot(people):
        matrix = np.zeros((len(people), max(len(languages), 1)), dtype=np.float32)
        for row, person in enumerate(people):
            for lang, level in person.languages.items():
                if level in MENTORING_LEVELS:
                    matrix[row, column[lang]] = 1.0
        return matrix

    return (hot(mentees) @ hot(mentors).T) > 0


def has_capacity(inst: Instance, mentees, mentors) -> np.ndarray:
    """The mentor takes at least one mentee (capacity 0 excludes them from every pair).

    The capacities themselves are the solver's (:func:`workflows.matching.solver.capacities`):
    switched off, every mentor takes one mentee, as in the pilot."""
    open_ = np.array([p.capacity > 0 for p in mentors], dtype=bool)
    return np.broadcast_to(open_[None, :], (len(mentees), len(mentors))).copy()


def not_forbidden(inst: Instance, mentees, mentors) -> np.ndarray:
    return _pairs_mask(inst.forbids, mentees, mentors)


def no_conflict(inst: Instance, mentees, mentors) -> np.ndarray:
    """No declared conflict of interest, and not from the same institution and faculty
    (a possible supervisor or colleague)."""
    declared = _pairs_mask(inst.conflicts, mentees, mentors)
    keyed = [f"{p.institution}|{fold(p.faculty).strip()}" for p in (*mentees, *mentors)]
    codes = _codes(keyed)
    a, b = codes[: len(mentees)], codes[len(mentees) :]
    known_a = np.array([bool(p.institution and p.faculty) for p in mentees], dtype=bool)
    same_place = (a[:, None] == b[None, :]) & known_a[:, None]
    return declared & ~same_place


def not_repeated(inst: Instance, mentees, mentors) -> np.ndarray:
    return _pairs_mask(inst.past_pairs, mentees, mentors)


def not_declined(inst: Instance, mentees, mentors) -> np.ndarray:
    return _pairs_mask(inst.declined, mentees, mentors)


def not_vetoed(inst: Instance, mentees, mentors) -> np.ndarray:
    return _pairs_mask(inst.vetoes, mentees, mentors)


def topic_allowed(inst: Instance, mentees, mentors) -> np.ndarray:
    """The mentee's interests and disciplines avoid the topics the mentor excluded."""
    allowed = np.ones((len(mentees), len(mentors)), dtype=bool)
    excluded = [(j, {fold(t) for t in p.excluded_topics}) for j, p in enumerate(mentors)]
    excluded = [(j, topics) for j, topics in excluded if topics]
    if not excluded:
        return allowed
    for i, mentee in enumerate(mentees):
        topics = {fold(t) for t in mentee.interests} | set(mentee.disciplines)
        for j, avoid in excluded:
            if topics & avoid:
                allowed[i, j] = False
    return allowed


@dataclass(frozen=True)
class Constraint:
    key: str
    label: object
    reason: object
    allows: Callable[[Instance, Sequence[Participant], Sequence[Participant]], np.ndarray]


CONSTRAINTS: tuple[Constraint, ...] = (
    Constraint(
        keys.CROSS_BORDER,
        _("Cross-border"),
        _("Both are at institutions in the same country; the programme pairs across the border."),
        cross_border,
    ),
    Constraint(
        keys.LANGUAGE,
        _("Shared language"),
        _("They share no language at level B2 or better."),
        shared_language,
    ),
    Constraint(
        keys.CAPACITY,
        _("Mentor capacity"),
        _("The mentor takes no mentees (capacity 0)."),
        has_capacity,
    ),
    Constraint(
        keys.FORBID, _("Forbidden pairs"), _("A coordinator forbade this pair."), not_forbidden
    ),
    Constraint(
        keys.CONFLICT,
        _("Conflicts of interest"),
        _("Conflict of interest: declared, or the same institution and faculty."),
        no_conflict,
    ),
    Constraint(
        keys.REPEAT,
        _("No repeated pairs"),
        _("They were already paired in an earlier cohort."),
        not_repeated,
    ),
    Constraint(
        keys.DECLINED,
        _("No declined pairs"),
        _("One of them declined this pair before."),
        not_declined,
    ),
    Constraint(keys.VETO, _("Mentee's vetoes"), _("The mentee vetoed this mentor."), not_vetoed),
    Constraint(
        keys.EXCLUDED_TOPIC,
        _("Mentor's excluded topics"),
        _("The mentor asked not to mentor one of the mentee's topics."),
        topic_allowed,
    ),
)
CONSTRAINTS_BY_KEY = {c.key: c for c in CONSTRAINTS}


def active(inst: Instance) -> list[Constraint]:
    return [c for c in CONSTRAINTS if inst.switches.get(c.key, True)]


def constraint_masks(inst: Instance, mentees=None, mentors=None) -> dict[str, np.ndarray]:
    """Which pairs each switched-on constraint allows (mentees × mentors booleans)."""
    mentees = inst.mentees if mentees is None else mentees
    mentors = inst.mentors if mentors is None else mentors
    return {c.key: c.allows(inst, mentees, mentors) for c in active(inst)}


def eligible(inst: Instance, masks: dict[str, np.ndarray]) -> np.ndarray:
    result = np.ones((len(inst.mentees), len(inst.mentors)), dtype=bool)
    for mask in masks.values():
        result &= mask
    return result


def excluding(masks: dict[str, np.ndarray], i: int, j: int) -> list[str]:
    """Keys of the constraints that exclude the pair (mentee i, mentor j), in table order."""
    return [key for key, mask in masks.items() if not mask[i, j]]


def lock_problems(inst: Instance, masks: dict[str, np.ndarray]) -> list[str]:
    """Why the locks cannot all hold (translated), empty when they can."""
    problems: list[str] = []
    rows, cols = inst.mentee_index(), inst.mentor_index()
    per_mentee = Counter(mentee for mentee, _m in inst.locks)
    per_mentor = Counter(mentor for _e, mentor in inst.locks)
    labels = {p.id: p.label or f"#{p.id}" for p in (*inst.mentees, *inst.mentors)}
    for mentee_id, count in sorted(per_mentee.items()):
        if count > 1:
            problems.append(
                _gettext("%(mentee)s is locked to %(count)s mentors; a mentee has one mentor.")
                % {"mentee": labels.get(mentee_id, mentee_id), "count": count}
            )
    for mentor_id, count in sorted(per_mentor.items()):
        j = cols.get(mentor_id)
        capacity = inst.mentors[j].capacity if j is not None else 0
        if count > capacity:
            problems.append(
                _gettext("%(mentor)s is locked to %(count)s mentees but takes only %(capacity)s.")
                % {"mentor": labels.get(mentor_id, mentor_id), "count": count, "capacity": capacity}
            )
    for mentee_id, mentor_id in sorted(inst.locks):
        i, j = rows.get(mentee_id), cols.get(mentor_id)
        if i is None or j is None:
            problems.append(
                _gettext("A locked pair is not among this cohort's accepted mentees and mentors.")
            )
            continue
        for key in excluding(masks, i, j):
            problems.append(
                _gettext("The lock %(mentee)s – %(mentor)s breaks a hard constraint: %(reason)s")
                % {
                    "mentee": labels[mentee_id],
                    "mentor": labels[mentor_id],
                    "reason": CONSTRAINTS_BY_KEY[key].reason,
                }
            )
    return problems
