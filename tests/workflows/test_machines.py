"""The lifecycles as data: sound tables, importable effects, a diagram drawn from each."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.utils.module_loading import import_string
from django.utils.translation import override

from workflows.console.diagram import render_svg, transition_rows
from workflows.engine.machine import Machine, State, Transition
from workflows.engine.registry import machines

MACHINES = sorted(machines())


@pytest.mark.parametrize("name", MACHINES)
def test_machine_has_no_unreachable_or_dead_states(name):
    machine = machines()[name]
    assert machine.problems() == []
    assert machine.reachable_states() == {s.key for s in machine.states}


def test_problems_finds_dead_and_unreachable_states():
    broken = Machine(
        name="broken",
        label="Broken",
        states=(State("a", "A"), State("b", "B"), State("island", "Island")),
        initial="a",
        transitions=(Transition("go", ("a",), "b", "Go", frozenset({"x"})),),
        roles_of=lambda actor, obj: set(),
    )
    problems = broken.problems()
    assert "unreachable state 'island'" in problems
    assert "dead state 'b'" in problems


@pytest.mark.parametrize("name", MACHINES)
def test_every_final_state_is_reachable_and_every_effect_task_exists(name):
    machine = machines()[name]
    finals = {s.key for s in machine.states if s.is_final}
    assert finals and finals <= machine.reachable_states()
    for transition in machine.transitions:
        for effect in transition.effects:
            assert callable(import_string(effect.task)), effect.task


@pytest.mark.parametrize("name", MACHINES)
def test_diagram_is_valid_svg_with_every_state_and_transition(name):
    machine = machines()[name]
    svg = render_svg(machine)
    root = ET.fromstring(svg)  # well-formed XML
    ns = {"svg": "http://www.w3.org/2000/svg"}
    states = {g.get("data-state") for g in root.iterfind(".//svg:g[@class='wf-state']", ns)}
    arrows = {
        g.get("data-transition") for g in root.iterfind(".//svg:g[@class='wf-transition']", ns)
    }
    assert states == {s.key for s in machine.states}
    assert arrows == {t.name for t in machine.transitions}
    assert root.get("role") == "img"
    assert len(transition_rows(machine)) == len(machine.transitions)


def test_diagram_labels_are_translated():
    machine = machines()["application"]
    with override("de"):
        german = render_svg(machine)
    with override("en"):
        english = render_svg(machine)
    assert "In review" in english
    assert "In review" not in german


def test_match_needs_both_confirmations_in_either_order():
    from workflows.matching.lifecycle import CONFIRMED, MATCH

    def path(*names):
        state = MATCH.initial
        for name in names:
            transition = MATCH.transition(name)
            assert state in transition.sources, (name, state)
            state = transition.target
        return state

    assert path("approve", "mentee_confirms", "mentor_completes") == CONFIRMED
    assert path("approve", "mentor_confirms", "mentee_completes") == CONFIRMED
    # One confirmation is not enough.
    assert path("approve", "mentee_confirms") != CONFIRMED


def test_agreement_is_sealed_only_after_the_last_signature():
    from workflows.agreements.lifecycle import ACTIVE, AGREEMENT, SIGNED

    assert AGREEMENT.transition("sign_last").target == SIGNED
    assert {"seal"} <= {e.key for e in AGREEMENT.transition("sign_last").effects}
    assert AGREEMENT.transition("seal").sources == (SIGNED,)
    assert AGREEMENT.transition("seal").target == ACTIVE
    assert {"render_pdf", "notify"} <= {e.key for e in AGREEMENT.transition("issue").effects}
