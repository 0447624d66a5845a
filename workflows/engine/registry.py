"""The machines the engine knows, registered by the apps that define them.

The engine knows no lifecycle: each app registers its :class:`Machine` when its lifecycle
module is imported (``register(APPLICATION)`` at the bottom of the table), and the app's
``ready()`` imports that module, so every machine is known once Django has started. The
history, the diagrams and the email switches look machines up here by name.
"""

from __future__ import annotations

from workflows.engine.machine import Machine

_machines: dict[str, Machine] = {}


def register(machine: Machine) -> Machine:
    """Make ``machine`` known by its name (idempotent for the same table; returns it)."""
    known = _machines.get(machine.name)
    if known is not None and known is not machine:
        raise ValueError(f"Another machine is already registered as {machine.name!r}.")
    _machines[machine.name] = machine
    return machine


def machines() -> dict[str, Machine]:
    """Every registered machine by name, in registration order."""
    return dict(_machines)


def get_machine(name: str) -> Machine:
    """The machine registered as ``name`` (KeyError when none is)."""
    return _machines[name]
