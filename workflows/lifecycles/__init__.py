"""The lifecycles the engine runs, each a :class:`~workflows.engine.machine.Machine` table."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from workflows.engine.machine import Machine


def machines() -> dict[str, Machine]:
    """Every lifecycle by name (imported lazily: the models import the machines)."""
    from workflows.agreements.lifecycle import AGREEMENT
    from workflows.lifecycles.application import APPLICATION
    from workflows.matching.lifecycle import MATCH

    return {machine.name: machine for machine in (APPLICATION, MATCH, AGREEMENT)}


def get_machine(name: str) -> Machine:
    return machines()[name]
