"""The solver: as many mentees matched as the constraints allow, then the highest total score.

One assignment problem (scipy's ``linear_sum_assignment``) on mentees × mentor places (each
mentor's column repeated ``capacity`` times). A pair's benefit is, in integer milli-points,
``BIG + KEEP·kept + score``: BIG exceeds any sum of the rest, so more matched pairs always win;
KEEP (only for a re-run "for the rest") exceeds any sum of scores, so among maximum matchings the
one keeping most of the current proposal wins; then the score. Excluded pairs are worth 0 and
dropped from the result, so they are never made. Locks are assigned first.

Also here: the greedy baseline every run reports beside the optimum, blocking pairs (both would
rather have each other than what they got) and the top-3 figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from django.utils.translation import gettext as _
from scipy.optimize import linear_sum_assignment

from workflows.matching import keys
from workflows.matching.constraints import constraint_masks, eligible, lock_problems
from workflows.matching.data import Instance
from workflows.matching.scoring import criterion_values, total

MAX_CAPACITY = 3


@dataclass
class Evaluation:
    """Everything the solver and the explanations read, computed once per run."""

    inst: Instance
    values: dict[str, np.ndarray]
    masks: dict[str, np.ndarray]
    eligible: np.ndarray
    scores: np.ndarray
    capacities: np.ndarray


@dataclass
class Solution:
    pairs: list[tuple[int, int]] = field(default_factory=list)  # (mentee index, mentor index)
    total: float = 0.0

    @property
    def matched(self) -> int:
        return len(self.pairs)

    def mentor_of(self) -> dict[int, int]:
        return dict(self.pairs)


def capacities(inst: Instance) -> np.ndarray:
    """Places per mentor: their capacity, or one each when the capacity switch is off."""
    if not inst.switches.get(keys.CAPACITY, True):
        return np.ones(len(inst.mentors), dtype=np.int64)
    return np.array([max(p.capacity, 0) for p in inst.mentors], dtype=np.int64)


def evaluate(inst: Instance) -> Evaluation:
    values = criterion_values(inst)
    masks = constraint_masks(inst)
    return Evaluation(
        inst=inst,
        values=values,
        masks=masks,
        eligible=eligible(inst, masks),
        scores=total(inst, values),
        capacities=capacities(inst),
    )


def problems(inst: Instance, ev: Evaluation | None = None) -> list[str]:
    """Why a run must be refused (translated), empty when it can go ahead."""
    found = input_problems(inst)
    if found:
        return found
    ev = ev or evaluate(inst)
    found += lock_problems(inst, ev.masks)
    if not ev.eligible.any():
        found.append(_("No mentee and mentor can be paired under the hard constraints."))
    return found


def input_problems(inst: Instance) -> list[str]:
    """Refusals visible before scoring: nobody to match, impossible capacities."""
    found: list[str] = []
    if not inst.mentees:
        found.append(_("There are no accepted mentees to match in this cohort."))
    if not inst.mentors:
        found.append(_("There are no accepted mentors to match in this cohort."))
    if found:
        return found
    for mentor in inst.mentors:
        if not 1 <= mentor.capacity <= MAX_CAPACITY:
            found.append(
                _("%(mentor)s has a capacity of %(capacity)s; mentors take 1 to 3 mentees.")
                % {"mentor": mentor.label or f"#{mentor.id}", "capacity": mentor.capacity}
            )
    return found


def _milli(scores: np.ndarray) -> np.ndarray:
    return np.rint(np.maximum(scores, 0.0) * 1000).astype(np.int64)


def solve(ev: Evaluation, forced: tuple[tuple[int, int], ...] = ()) -> Solution:
    """The optimum (see the module docstring); ``forced`` pairs (indices) are made first,
    like locks (used to price "why not mentor X?")."""
    inst = ev.inst
    rows, cols = inst.mentee_index(), inst.mentor_index()
    fixed = [(rows[a], cols[b]) for a, b in sorted(inst.locks) if a in rows and b in cols]
    fixed_mentees = {i for i, _j in fixed}
    for i, j in forced:
        if i not in fixed_mentees:
            fixed.append((i, j))
            fixed_mentees.add(i)
    places = ev.capacities.copy()
    for _i, j in fixed:
        places[j] -= 1
    places = np.maximum(places, 0)
    free = np.array([i for i in range(len(inst.mentees)) if i not in fixed_mentees], dtype=np.intp)
    pairs = list(fixed)
    column_mentor = np.repeat(np.arange(len(inst.mentors)), places)
    if len(free) and len(column_mentor):
        benefit = _benefit(ev, free)
        cost = -benefit[:, column_mentor].astype(np.float64)
        r, c = linear_sum_assignment(cost)
        for row, col in zip(r, c, strict=True):
            i, j = int(free[row]), int(column_mentor[col])
            if ev.eligible[i, j]:
                pairs.append((i, j))
    pairs.sort()
    return Solution(pairs=pairs, total=float(sum(ev.scores[i, j] for i, j in pairs)))


def _benefit(ev: Evaluation, free: np.ndarray) -> np.ndarray:
    inst = ev.inst
    milli = _milli(ev.scores[free])
    eligible_rows = ev.eligible[free]
    smax = int(milli[eligible_rows].max()) if eligible_rows.any() else 0
    n = len(free)
    keep = np.zeros_like(milli)
    bonus = 0
    if inst.keep:
        bonus = n * smax + 1
        rows, cols = inst.mentee_index(), inst.mentor_index()
        position = {int(i): k for k, i in enumerate(free)}
        for a, b in inst.keep:
            if a in rows and b in cols and rows[a] in position:
                keep[position[rows[a]], cols[b]] = bonus
    big = n * (bonus + smax) + 1
    return np.where(eligible_rows, big + keep + milli, 0)


def greedy(ev: Evaluation) -> Solution:
    """The obvious baseline: locks first, then the best-scoring free pairs one by one."""
    inst = ev.inst
    rows, cols = inst.mentee_index(), inst.mentor_index()
    places = ev.capacities.copy()
    taken: set[int] = set()
    pairs = []
    for a, b in sorted(inst.locks):
        if a in rows and b in cols:
            pairs.append((rows[a], cols[b]))
            taken.add(rows[a])
            places[cols[b]] -= 1
    candidates = np.flatnonzero(ev.eligible.ravel())
    order = candidates[np.argsort(-ev.scores.ravel()[candidates], kind="stable")]
    width = len(inst.mentors)
    limit = min(len(inst.mentees), int(places.clip(min=0).sum()) + len(taken))
    for flat in order:
        if len(taken) >= limit:
            break
        i, j = divmod(int(flat), width)
        if i in taken or places[j] <= 0:
            continue
        pairs.append((i, j))
        taken.add(i)
        places[j] -= 1
    pairs.sort()
    return Solution(pairs=pairs, total=float(sum(ev.scores[i, j] for i, j in pairs)))


def blocking_pairs(ev: Evaluation, solution: Solution) -> list[tuple[int, int]]:
    """Pairs (indices) not made who would both rather have each other, by pair score:
    the mentee is unmatched or scores lower with their mentor, and the mentor has a free place
    or a mentee scoring lower."""
    n, m = ev.scores.shape
    current = np.full(n, -np.inf)
    worst = np.full(m, -np.inf)
    load = np.zeros(m, dtype=np.int64)
    for i, j in solution.pairs:
        current[i] = ev.scores[i, j]
        load[j] += 1
    lowest = np.full(m, np.inf)
    for i, j in solution.pairs:
        lowest[j] = min(lowest[j], ev.scores[i, j])
    full = load >= ev.capacities
    worst[full] = lowest[full]
    locked = {i for i, _j in _locked_indices(ev)}
    blocking = (
        ev.eligible & (ev.scores > current[:, None] + 1e-9) & (ev.scores > worst[None, :] + 1e-9)
    )
    for i, j in solution.pairs:
        blocking[i, j] = False
    if locked:
        blocking[list(locked), :] = False
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(blocking), strict=True)]


def _locked_indices(ev: Evaluation) -> list[tuple[int, int]]:
    rows, cols = ev.inst.mentee_index(), ev.inst.mentor_index()
    return [(rows[a], cols[b]) for a, b in ev.inst.locks if a in rows and b in cols]


def top_three(ev: Evaluation, solution: Solution) -> dict[str, int]:
    """How many mentees got one of their own top three (of those who ranked), and one of the
    three best-scoring mentors they could have."""
    inst = ev.inst
    cols = inst.mentor_index()
    ranked = got_ranked = by_score = 0
    for i, j in solution.pairs:
        mentee = inst.mentees[i]
        ranks = inst.rankings.get(mentee.id, {})
        if ranks:
            ranked += 1
            top = {cols[b] for b, r in ranks.items() if r <= 3 and b in cols}
            got_ranked += j in top
        options = np.where(ev.eligible[i], ev.scores[i], -np.inf)
        third = np.sort(options)[-3] if len(options) >= 3 else -np.inf
        by_score += bool(ev.scores[i, j] >= third - 1e-9)
    mentees_ranking = sum(1 for p in inst.mentees if inst.rankings.get(p.id))
    return {
        "ranked": mentees_ranking,
        "top3_ranked": got_ranked,
        "top3_by_score": by_score,
        "matched_with_ranking": ranked,
    }
