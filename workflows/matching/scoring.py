"""Soft criteria: each a function giving a 0–1 value for every mentee × mentor, weighted per cohort.

The table :data:`CRITERIA` is the whole scoring model: a key, a translated label, a one-line
explanation for the coordinator, and a function over whole cohorts (numpy matrices), so the
same code scores 2,000 × 1,000 pairs for the solver and a single pair for an explanation.
A pair's score is ``Σ weight × value``; :func:`breakdown` gives the per-criterion parts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext_lazy as _

from workflows.matching import keys
from workflows.matching.availability import FULL_HOURS, overlap_hours
from workflows.matching.data import Instance, Participant
from workflows.matching.text import similarity_matrix

#: Disciplines that count as related (half the points of a shared one): families of the taxonomy.
DISCIPLINE_FAMILIES: dict[str, frozenset[str]] = {
    "engineering": frozenset(
        {
            "mechanical-engineering",
            "electrical-engineering",
            "industrial-engineering",
            "environmental-engineering",
            "medical-technology",
        }
    ),
    "computing": frozenset({"computer-science", "applied-mathematics", "electrical-engineering"}),
    "business": frozenset({"economics", "industrial-engineering"}),
    "health": frozenset({"medical-technology"}),
    "humanities": frozenset({"languages-and-cultures"}),
}

#: Meeting preferences: how well two preferences go together.
MEETING_FIT = {
    ("online", "online"): 1.0,
    ("in_person", "in_person"): 1.0,
    ("mixed", "mixed"): 1.0,
    ("online", "mixed"): 0.6,
    ("mixed", "online"): 0.6,
    ("in_person", "mixed"): 0.6,
    ("mixed", "in_person"): 0.6,
    ("online", "in_person"): 0.0,
    ("in_person", "online"): 0.0,
}


def families(discipline: str) -> set[str]:
    found = {name for name, members in DISCIPLINE_FAMILIES.items() if discipline in members}
    if not found and "-" in discipline:
        found.add(discipline.rsplit("-", 1)[1])  # e.g. "*-engineering" without a family
    return found


def _multi_hot(sets: Sequence[frozenset[str] | set[str]], vocabulary: dict[str, int]):
    matrix = np.zeros((len(sets), max(len(vocabulary), 1)), dtype=np.float32)
    for row, items in enumerate(sets):
        for item in items:
            if item in vocabulary:
                matrix[row, vocabulary[item]] = 1.0
    return matrix


def _vocabulary(*groups) -> dict[str, int]:
    return {item: i for i, item in enumerate(sorted({x for g in groups for s in g for x in s}))}


def discipline_values(inst: Instance, mentees, mentors) -> np.ndarray:
    """1 for a shared discipline, 0.5 for related ones (same family), else 0."""
    a_sets = [p.disciplines for p in mentees]
    b_sets = [p.disciplines for p in mentors]
    vocabulary = _vocabulary(a_sets, b_sets)
    same = _multi_hot(a_sets, vocabulary) @ _multi_hot(b_sets, vocabulary).T > 0
    fa = [set().union(*(families(d) for d in s)) if s else set() for s in a_sets]
    fb = [set().union(*(families(d) for d in s)) if s else set() for s in b_sets]
    fam_vocabulary = _vocabulary(fa, fb)
    related = _multi_hot(fa, fam_vocabulary) @ _multi_hot(fb, fam_vocabulary).T > 0
    return np.where(same, 1.0, np.where(related, 0.5, 0.0)).astype(np.float32)


def interest_values(inst: Instance, mentees, mentors) -> np.ndarray:
    """Overlap of research-interest keywords: shared / the smaller list (0–1)."""
    from workflows.matching.text import fold

    a_sets = [frozenset(fold(x) for x in p.interests) for p in mentees]
    b_sets = [frozenset(fold(x) for x in p.interests) for p in mentors]
    vocabulary = _vocabulary(a_sets, b_sets)
    shared = _multi_hot(a_sets, vocabulary) @ _multi_hot(b_sets, vocabulary).T
    sizes_a = np.array([len(s) for s in a_sets], dtype=np.float32)[:, None]
    sizes_b = np.array([len(s) for s in b_sets], dtype=np.float32)[None, :]
    smaller = np.maximum(np.minimum(sizes_a, sizes_b), 1.0)
    return (shared / smaller).astype(np.float32)


def goal_values(inst: Instance, mentees, mentors) -> np.ndarray:
    """TF-IDF cosine of the mentee's goals and the mentor's expertise (any of cs/de/en)."""
    return similarity_matrix([p.text for p in mentees], [p.text for p in mentors])


def availability_values(inst: Instance, mentees, mentors) -> np.ndarray:
    """Average weekly overlap over the programme's dates, full points from two hours."""
    hours = overlap_hours(mentees, mentors, inst.starts_on, inst.ends_on)
    return np.minimum(hours / FULL_HOURS, 1.0).astype(np.float32)


def meeting_values(inst: Instance, mentees, mentors) -> np.ndarray:
    kinds = ["online", "in_person", "mixed"]
    code = {k: i for i, k in enumerate(kinds)}
    table = np.array([[MEETING_FIT[(a, b)] for b in kinds] for a in kinds], dtype=np.float32)
    a = np.array([code.get(p.meeting, 2) for p in mentees], dtype=np.intp)
    b = np.array([code.get(p.meeting, 2) for p in mentors], dtype=np.intp)
    return table[a[:, None], b[None, :]]


def wish_values(inst: Instance, mentees, mentors) -> np.ndarray:
    """The mentee's own ranking: rank 1 → 1.0 … rank 5 → 0.2, unranked → 0."""
    values = np.zeros((len(mentees), len(mentors)), dtype=np.float32)
    if not inst.rankings:
        return values
    column = {p.id: j for j, p in enumerate(mentors)}
    for i, mentee in enumerate(mentees):
        for mentor_id, rank in inst.rankings.get(mentee.id, {}).items():
            if mentor_id in column and 1 <= rank <= 5:
                values[i, column[mentor_id]] = (6 - rank) / 5
    return values


@dataclass(frozen=True)
class Criterion:
    key: str
    label: object
    explanation: object
    values: Callable[[Instance, Sequence[Participant], Sequence[Participant]], np.ndarray]


CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        keys.DISCIPLINE,
        _("Discipline"),
        _("The same discipline scores fully, a related one (same family) half."),
        discipline_values,
    ),
    Criterion(
        keys.INTERESTS,
        _("Research interests"),
        _("Shared research-interest keywords, out of the shorter list."),
        interest_values,
    ),
    Criterion(
        keys.GOALS,
        _("Goals and expertise"),
        _("How closely the mentee's goals match the mentor's expertise (text similarity)."),
        goal_values,
    ),
    Criterion(
        keys.AVAILABILITY,
        _("Availability"),
        _("Weekly hours both are available, across time zones over the programme's dates."),
        availability_values,
    ),
    Criterion(
        keys.MEETING,
        _("Meeting preference"),
        _("Online, in person or mixed: the same preference scores fully."),
        meeting_values,
    ),
    Criterion(
        keys.WISHES,
        _("Mentee's wishes"),
        _("The mentee's own ranking of the anonymised mentor profiles."),
        wish_values,
    ),
)
CRITERIA_BY_KEY = {criterion.key: criterion for criterion in CRITERIA}


def criterion_values(inst: Instance, mentees=None, mentors=None) -> dict[str, np.ndarray]:
    """Every criterion's 0–1 values (mentees × mentors), for weights that are not zero."""
    mentees = inst.mentees if mentees is None else mentees
    mentors = inst.mentors if mentors is None else mentors
    return {
        c.key: c.values(inst, mentees, mentors)
        for c in CRITERIA
        if float(inst.weights.get(c.key, 0.0)) != 0.0
    }


def total(inst: Instance, values: dict[str, np.ndarray]) -> np.ndarray:
    shape = (len(inst.mentees), len(inst.mentors))
    result = np.zeros(shape, dtype=np.float64)
    for key, matrix in values.items():
        result += float(inst.weights.get(key, 0.0)) * matrix
    return result


def max_score(weights) -> float:
    return sum(max(float(weights.get(c.key, 0.0)), 0.0) for c in CRITERIA)


def breakdown(inst: Instance, values: dict[str, np.ndarray], i: int, j: int) -> dict[str, dict]:
    """Per criterion: value (0–1), weight and points, for the pair (mentee i, mentor j)."""
    parts = {}
    for c in CRITERIA:
        weight = float(inst.weights.get(c.key, 0.0))
        value = float(values[c.key][i, j]) if c.key in values else 0.0
        parts[c.key] = {
            "value": round(value, 3),
            "weight": weight,
            "points": round(weight * value, 3),
        }
    return parts
