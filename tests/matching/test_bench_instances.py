"""The benchmark's instances are what they claim: the pilot's people, seeded realistic profiles."""

from __future__ import annotations

from bench.matching import large_instance, pilot_instance
from workflows.matching.solver import evaluate, greedy, solve


def test_the_pilot_instance_has_ten_and_ten_and_matches_all_cross_border():
    instance = pilot_instance()
    assert (len(instance.mentees), len(instance.mentors)) == (10, 10)
    ev = evaluate(instance)
    solution = solve(ev)
    assert solution.matched == 10
    assert solution.total >= greedy(ev).total


def test_the_large_instance_is_seeded_and_mentors_take_two():
    small = large_instance(mentees=60, mentors=30)
    again = large_instance(mentees=60, mentors=30)
    assert small == again
    assert {p.capacity for p in small.mentors} == {2}
    assert len({p.timezone for p in (*small.mentees, *small.mentors)}) >= 3
    ev = evaluate(small)
    assert solve(ev).total >= greedy(ev).total
