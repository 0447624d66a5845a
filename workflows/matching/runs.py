"""A matching run: start it (one transaction: the run row and its task), execute it (the task).

:func:`execute_run` is idempotent: it claims the run by compare-and-set (queued → running), so
a second delivery of the task does nothing; it writes its progress to the run row as it goes
(visible in the admin) and ends in one transaction that replaces the cohort's proposals:
pairs it keeps stay untouched, pairs it drops are cancelled through the engine, new pairs are
created as proposed matches with their score breakdown.
"""

from __future__ import annotations

import contextlib
import logging
import time
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError, apply_transition, enqueue, record_start
from workflows.matching.explain import unmatched_reasons
from workflows.matching.inputs import build_instance, inputs_hash
from workflows.matching.lifecycle import HOLDING, MATCH, PROPOSED
from workflows.matching.models import Match, MatchingRun
from workflows.matching.scoring import breakdown
from workflows.matching.solver import (
    blocking_pairs,
    evaluate,
    greedy,
    input_problems,
    problems,
    solve,
    top_three,
)

logger = logging.getLogger(__name__)

TASK = "workflows.matching.tasks.execute_run"
#: Blocking pairs listed in a run's result (all are counted).
BLOCKING_LISTED = 50
#: A proposal nobody was told about is cancelled without email.
QUIET = frozenset({"notify"})


class RunRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def start_run(cohort: Any, user: Any = None, *, keep: bool = True) -> MatchingRun:
    """Queue a run for ``cohort`` (one transaction with its task). A run already queued or
    running for the cohort is returned instead of starting a second one."""
    with transaction.atomic():
        busy = (
            MatchingRun.objects.select_for_update()
            .filter(cohort=cohort, state__in=(MatchingRun.State.QUEUED, MatchingRun.State.RUNNING))
            .first()
        )
        if busy is not None:
            return busy
        run = MatchingRun.objects.create(cohort=cohort, started_by=user, keep_proposals=keep)
        enqueue(TASK, run.pk)
    return run


def _progress(run: MatchingRun, percent: int, note: str) -> None:
    MatchingRun.objects.filter(pk=run.pk).update(progress=percent, progress_note=note)


def execute_run(run_id: int) -> str:
    claimed = MatchingRun.objects.filter(pk=run_id, state=MatchingRun.State.QUEUED).update(
        state=MatchingRun.State.RUNNING, started_at=timezone.now(), progress=1
    )
    if not claimed:
        return "not queued"
    run = MatchingRun.objects.select_related("cohort").get(pk=run_id)
    try:
        with override("en"):
            return _execute(run)
    except RunRefused as refused:
        _finish(run, MatchingRun.State.REFUSED, refusal=refused.reason)
        return "refused"
    except Exception as error:
        logger.exception("matching run %s failed", run_id)
        _finish(run, MatchingRun.State.FAILED, refusal=f"{type(error).__name__}: {error}")
        raise


def _finish(run: MatchingRun, state: str, **fields) -> None:
    MatchingRun.objects.filter(pk=run.pk).update(
        state=state, finished_at=timezone.now(), progress=100, **fields
    )


def _execute(run: MatchingRun) -> str:
    started = time.perf_counter()
    _progress(run, 5, "reading applications")
    instance, record = build_instance(run.cohort, keep=run.keep_proposals)
    MatchingRun.objects.filter(pk=run.pk).update(
        inputs=record,
        inputs_hash=inputs_hash(record),
        weights=dict(instance.weights),
        switches=dict(instance.switches),
    )
    early = input_problems(instance)
    if early:
        raise RunRefused(" ".join(early))
    _progress(run, 25, "scoring pairs")
    ev = evaluate(instance)
    found = problems(instance, ev)
    if found:
        raise RunRefused(" ".join(found))
    _progress(run, 60, "solving")
    solution = solve(ev)
    baseline = greedy(ev)
    _progress(run, 85, "checking stability")
    blocking = blocking_pairs(ev, solution)
    mentees, mentors = instance.mentees, instance.mentors
    result = {
        "pairs": [
            {
                "mentee": mentees[i].id,
                "mentor": mentors[j].id,
                "score": round(float(ev.scores[i, j]), 3),
                "breakdown": breakdown(instance, ev.values, i, j),
            }
            for i, j in solution.pairs
        ],
        "matched": solution.matched,
        "mentees": len(mentees),
        "places": int(ev.capacities.sum()),
        "total": round(solution.total, 3),
        "greedy": {"total": round(baseline.total, 3), "matched": baseline.matched},
        "blocking_count": len(blocking),
        "blocking": [[mentees[i].id, mentors[j].id] for i, j in blocking[:BLOCKING_LISTED]],
        "top3": top_three(ev, solution),
        "unmatched": {
            side: {str(k): v for k, v in reasons.items()}
            for side, reasons in unmatched_reasons(ev, solution).items()
        },
        "seconds": round(time.perf_counter() - started, 3),
    }
    _progress(run, 95, "saving the proposal")
    skipped = _replace_proposals(run, ev, solution)
    result["skipped"] = skipped
    _finish(
        run,
        MatchingRun.State.DONE,
        result=result,
        total_score=result["total"],
        greedy_total=result["greedy"]["total"],
        matched_count=solution.matched,
    )
    return f"matched {solution.matched}"


def _replace_proposals(run: MatchingRun, ev, solution) -> list[list[int]]:
    """One transaction: cancel dropped proposals, keep kept ones, propose new pairs. Pairs whose
    people were taken meanwhile (a coordinator approved something) are skipped and listed."""
    instance = ev.inst
    wanted = {(instance.mentees[i].id, instance.mentors[j].id): (i, j) for i, j in solution.pairs}
    system = Actor.system()
    skipped: list[list[int]] = []
    with transaction.atomic():
        for match in Match.objects.filter(cohort=run.cohort, state=PROPOSED).select_for_update():
            pair = (match.mentee_application_id, match.mentor_application_id)
            if pair in wanted:
                i, j = wanted.pop(pair)
                Match.objects.filter(pk=match.pk).update(run=run)
                continue
            # Approved meanwhile: it holds its people, and the new pair is skipped below.
            with contextlib.suppress(TransitionError):
                apply_transition(
                    MATCH, match, "cancel", system, message="re-run", disabled_effects=QUIET
                )
        for (mentee_id, mentor_id), (i, j) in wanted.items():
            if Match.objects.filter(mentee_application_id=mentee_id, state__in=HOLDING).exists():
                skipped.append([mentee_id, mentor_id])
                continue
            try:
                with transaction.atomic():
                    match = Match.objects.create(
                        cohort=run.cohort,
                        mentee_application_id=mentee_id,
                        mentor_application_id=mentor_id,
                        score=round(float(ev.scores[i, j]), 3),
                        breakdown=breakdown(instance, ev.values, i, j),
                        run=run,
                    )
                    record_start(MATCH, match, system, comment=_("Proposed by a matching run."))
            except IntegrityError:
                skipped.append([mentee_id, mentor_id])
    return skipped


def explain_rows(match: Match) -> list[dict]:
    """A stored match's breakdown as rows in the active language (labels from the table)."""
    from workflows.matching.scoring import CRITERIA

    rows = []
    for criterion in CRITERIA:
        part = (match.breakdown or {}).get(criterion.key)
        if part is None:
            continue
        rows.append(
            {
                "key": criterion.key,
                "label": str(criterion.label),
                "explanation": str(criterion.explanation),
                **part,
            }
        )
    return rows
