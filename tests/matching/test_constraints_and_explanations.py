"""Hard constraints name themselves; explanations name the right constraint or the score gap."""

from __future__ import annotations

from django.utils import translation

from tests.matching.instances import instance, mentee, mentor
from workflows.matching import keys
from workflows.matching.explain import pair_breakdown, unmatched_reasons, why_not
from workflows.matching.solver import evaluate, problems, solve


def test_each_constraint_excludes_its_pair_and_the_explanation_names_it():
    mentees = [mentee(1), mentee(2, languages={"de": "native"})]
    mentors = [
        mentor(101),
        mentor(102, country="DE"),  # same country as the mentees
        mentor(103, languages={"cs": "native", "en": "B1"}),  # no shared language at B2
        mentor(104),
    ]
    inst = instance(mentees, mentors, forbids=frozenset({(1, 104)}))
    ev = evaluate(inst)
    solution = solve(ev)
    assert why_not(ev, solution, 1, 102)["constraints"] == [keys.CROSS_BORDER]
    assert why_not(ev, solution, 1, 103)["constraints"] == [keys.LANGUAGE]
    assert why_not(ev, solution, 1, 104)["constraints"] == [keys.FORBID]
    assert why_not(ev, solution, 2, 102)["constraints"] == [keys.CROSS_BORDER, keys.LANGUAGE]


def test_a_switched_off_constraint_no_longer_excludes():
    switches = dict.fromkeys(keys.CONSTRAINTS, True) | {keys.CROSS_BORDER: False}
    ev = evaluate(instance([mentee(1)], [mentor(101, country="DE")], switches=switches))
    assert ev.eligible[0, 0]


def test_why_not_an_allowed_mentor_gives_the_score_gap_and_the_cost_to_the_rest():
    mentees = [mentee(1), mentee(2, languages={"en": "C1"})]
    mentors = [
        mentor(101),
        mentor(102, disciplines=frozenset({"economics"}), languages={"de": "C1"}),
    ]
    ev = evaluate(instance(mentees, mentors))
    solution = solve(ev)
    answer = why_not(ev, solution, 2, 102)
    assert answer["constraints"] == [keys.LANGUAGE]
    answer = why_not(ev, solution, 1, 101)  # mentee 1 got 102 so that mentee 2 has 101
    assert answer["kind"] == "score"
    assert answer["lost"] == 1  # forcing 1–101 leaves mentee 2 without a mentor
    assert "other mentee" in answer["text"]


def test_breakdown_is_in_the_coordinators_language():
    ev = evaluate(instance([mentee(1)], [mentor(101)]))
    with translation.override("en"):
        rows = pair_breakdown(ev, 0, 0)
    assert [row["key"] for row in rows] == list(keys.CRITERIA)
    discipline = rows[0]
    assert (discipline["label"], discipline["value"], discipline["points"]) == (
        "Discipline",
        1.0,
        3.0,
    )
    assert sum(row["points"] for row in rows) == round(float(ev.scores[0, 0]), 3)


def test_every_unmatched_person_gets_a_reason():
    mentees = [mentee(1), mentee(2), mentee(3, country="CZ")]
    mentors = [mentor(101), mentor(102, capacity=2, languages={"cs": "native"})]
    ev = evaluate(instance(mentees, mentors))
    solution = solve(ev)
    reasons = unmatched_reasons(ev, solution)
    assert set(reasons["mentees"]) == {2, 3}
    assert "Cross-border" in reasons["mentees"][3]
    assert "full" in reasons["mentees"][2]
    assert set(reasons["mentors"]) == {102}
    assert "Shared language" in reasons["mentors"][102]


def test_bad_input_is_refused_with_a_reason():
    assert problems(instance([], [mentor(101)])) == [
        "There are no accepted mentees to match in this cohort."
    ]
    assert "capacity of 0" in problems(instance([mentee(1)], [mentor(101, capacity=0)]))[0]
    assert problems(instance([mentee(1)], [mentor(101, country="DE")])) == [
        "No mentee and mentor can be paired under the hard constraints."
    ]
    contradictory = instance(
        [mentee(1)], [mentor(101), mentor(102)], locks=frozenset({(1, 101), (1, 102)})
    )
    assert "locked to 2 mentors" in problems(contradictory)[0]
    over = instance([mentee(1), mentee(2)], [mentor(101)], locks=frozenset({(1, 101), (2, 101)}))
    assert "takes only 1" in problems(over)[0]
    breaking = instance([mentee(1)], [mentor(101, country="DE")], locks=frozenset({(1, 101)}))
    found = problems(breaking)
    assert any("breaks a hard constraint" in p and "same country" in p for p in found)


def test_a_lock_is_honoured_even_against_the_best_total():
    mentees = [mentee(1), mentee(2, disciplines=frozenset({"economics"}))]
    mentors = [mentor(101), mentor(102, disciplines=frozenset({"economics"}))]
    ev = evaluate(instance(mentees, mentors, locks=frozenset({(1, 102)})))
    solution = solve(ev)
    assert (0, 1) in solution.pairs and (1, 0) in solution.pairs


def test_a_rerun_for_the_rest_keeps_the_current_pairs_it_can():
    mentees = [mentee(i) for i in (1, 2, 3)]
    mentors = [mentor(101), mentor(102), mentor(103)]
    # All pairs score the same, so any assignment is optimal; the re-run keeps the given one.
    keep = frozenset({(1, 103), (2, 101), (3, 102)})
    ev = evaluate(instance(mentees, mentors, keep=keep))
    solution = solve(ev)
    made = {(ev.inst.mentees[i].id, ev.inst.mentors[j].id) for i, j in solution.pairs}
    assert made == keep
