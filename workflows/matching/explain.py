"""Explanations a coordinator reads: a pair's breakdown, "why not mentor X?", why someone is
unmatched. Each returns plain data with translated sentences (in the active language), so the
screen, the admin and the stored run all say the same thing.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from workflows.matching.constraints import CONSTRAINTS_BY_KEY, excluding
from workflows.matching.scoring import CRITERIA, breakdown
from workflows.matching.solver import Evaluation, Solution, solve


def pair_breakdown(ev: Evaluation, i: int, j: int) -> list[dict]:
    """Rows (criterion label, value, weight, points) for the pair, in the active language."""
    parts = breakdown(ev.inst, ev.values, i, j)
    return [
        {
            "key": c.key,
            "label": str(c.label),
            "explanation": str(c.explanation),
            **parts[c.key],
        }
        for c in CRITERIA
    ]


def why_not(ev: Evaluation, solution: Solution, mentee_id: int, mentor_id: int) -> dict:
    """Why mentee ``mentee_id`` is not paired with mentor ``mentor_id`` in ``solution``.

    ``kind`` is one of: ``paired`` (they are), ``constraint`` (``reasons`` names every hard
    constraint excluding them), ``locked`` (the mentee is locked to another mentor), ``score``
    (allowed, but the optimum is better: ``gap`` is how much lower this pair scores than the
    mentee's match, ``cost`` what forcing it would cost the total, ``lost`` how many mentees
    would lose their mentor).
    """
    inst = ev.inst
    i, j = inst.mentee_index()[mentee_id], inst.mentor_index()[mentor_id]
    current = solution.mentor_of().get(i)
    if current == j:
        return {"kind": "paired", "text": _("They are paired in this proposal.")}
    failing = excluding(ev.masks, i, j)
    if failing:
        reasons = [str(CONSTRAINTS_BY_KEY[key].reason) for key in failing]
        return {
            "kind": "constraint",
            "constraints": failing,
            "reasons": reasons,
            "text": " ".join(reasons),
        }
    if any(a == mentee_id for a, _b in inst.locks):
        return {"kind": "locked", "text": _("A coordinator locked this mentee to another mentor.")}
    forced = solve(ev, forced=((i, j),))
    score = float(ev.scores[i, j])
    own = float(ev.scores[i, current]) if current is not None else None
    cost = round(solution.total - forced.total, 3)
    lost = solution.matched - forced.matched
    if own is None:
        text = _(
            "This pair would score %(score).1f points, but pairing them costs the others "
            "%(cost).1f points in total."
        ) % {"score": score, "cost": cost}
    else:
        text = _(
            "This pair would score %(score).1f points, %(gap).1f fewer than the proposed "
            "mentor (%(own).1f); forcing it would cost %(cost).1f points in total."
        ) % {"score": score, "gap": own - score, "own": own, "cost": cost}
    if lost > 0:
        text += " " + _("%(count)s other mentee(s) would then stay without a mentor.") % {
            "count": lost
        }
    return {
        "kind": "score",
        "score": round(score, 3),
        "current": None if own is None else round(own, 3),
        "gap": None if own is None else round(own - score, 3),
        "cost": cost,
        "lost": lost,
        "text": text,
    }


def _constraint_counts(ev: Evaluation, i: int | None = None, j: int | None = None) -> str:
    counts = []
    for key, mask in ev.masks.items():
        row = ~mask[i, :] if i is not None else ~mask[:, j]
        if row.any():
            counts.append(f"{CONSTRAINTS_BY_KEY[key].label} ({int(row.sum())})")
    return ", ".join(counts)


def unmatched_reasons(ev: Evaluation, solution: Solution) -> dict[str, dict[int, str]]:
    """For every unmatched mentee (and every mentor with free places), why."""
    inst = ev.inst
    matched = {i for i, _j in solution.pairs}
    load: dict[int, int] = {}
    for _i, j in solution.pairs:
        load[j] = load.get(j, 0) + 1
    mentees: dict[int, str] = {}
    for i, person in enumerate(inst.mentees):
        if i in matched:
            continue
        options = int(ev.eligible[i].sum())
        if options == 0:
            mentees[person.id] = _(
                "No mentor is possible under the hard constraints (excluded by: %(counts)s)."
            ) % {"counts": _constraint_counts(ev, i=i)}
        else:
            mentees[person.id] = _(
                "The %(count)s possible mentor(s) are all full; giving this mentee a place "
                "would leave another mentee without a mentor."
            ) % {"count": options}
    mentors: dict[int, str] = {}
    for j, person in enumerate(inst.mentors):
        free = int(ev.capacities[j]) - load.get(j, 0)
        if free <= 0:
            continue
        options = ev.eligible[:, j]
        if not options.any():
            mentors[person.id] = _(
                "No mentee is possible under the hard constraints (excluded by: %(counts)s)."
            ) % {"counts": _constraint_counts(ev, j=j)}
        else:
            mentors[person.id] = _(
                "%(free)s place(s) free: every possible mentee has a mentor already."
            ) % {"free": free}
    return {"mentees": mentees, "mentors": mentors}
