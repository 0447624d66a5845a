"""State machines as plain data.

A :class:`Machine` is a table: its states, and its transitions (name, from, to, who may
trigger them, guards that give a translated reason when they refuse, and effects to run after
commit). Nothing here touches the database; :mod:`workflows.engine.engine` applies a machine.

Keys (state names, transition names, role names) are stable identifiers, never translated;
only labels and reasons are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.utils.functional import Promise

if TYPE_CHECKING:
    from workflows.engine.actors import Actor

#: A guard looks at the object and who asks; it returns None to allow, or a reason to refuse.
Guard = Callable[[Any, "Actor"], "str | Promise | None"]
#: Given who asks and the object, which roles they hold towards it (e.g. {"coordinator"}).
RoleResolver = Callable[["Actor", Any], "set[str]"]


@dataclass(frozen=True)
class State:
    key: str
    label: str | Promise
    #: Open states can still be withdrawn from / acted on; closed ones end the lifecycle.
    is_final: bool = False


@dataclass(frozen=True)
class Effect:
    """A side effect run as a django-q2 task after the transition commits.

    ``task`` is the dotted path of a callable taking the history entry id; ``key`` names the
    effect so coordinators can switch it off per transition and so a re-run is recognised.
    """

    key: str
    task: str
    label: str | Promise = ""


@dataclass(frozen=True)
class Transition:
    name: str
    sources: tuple[str, ...]
    target: str
    label: str | Promise
    roles: frozenset[str]
    guards: tuple[Guard, ...] = ()
    effects: tuple[Effect, ...] = ()
    #: Whether the person triggering it must (or may) write a comment.
    comment_required: bool = False
    #: Locks what the guards read before they run, inside the transition's transaction (e.g.
    #: ``SELECT ... FOR UPDATE`` on the cohort row), so that two transitions whose guards
    #: read the same scope (places left in a cohort) run one after the other.
    lock: Callable[[Any], None] | None = None


@dataclass(frozen=True)
class Machine:
    name: str
    label: str | Promise
    states: tuple[State, ...]
    initial: str
    transitions: tuple[Transition, ...]
    roles_of: RoleResolver
    state_field: str = "state"
    #: Display names of the role keys the transitions name (keys are never translated).
    role_labels: Mapping[str, str | Promise] = field(default_factory=dict, compare=False)
    _by_name: dict[str, Transition] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        keys = {state.key for state in self.states}
        if self.initial not in keys:
            raise ValueError(f"{self.name}: initial state {self.initial!r} is not a state")
        by_name: dict[str, Transition] = {}
        for transition in self.transitions:
            unknown = (set(transition.sources) | {transition.target}) - keys
            if unknown:
                raise ValueError(f"{self.name}.{transition.name}: unknown states {unknown}")
            if transition.name in by_name:
                raise ValueError(f"{self.name}: transition {transition.name!r} defined twice")
            by_name[transition.name] = transition
        object.__setattr__(self, "_by_name", by_name)

    def state(self, key: str) -> State:
        for state in self.states:
            if state.key == key:
                return state
        raise KeyError(key)

    def transition(self, name: str) -> Transition:
        return self._by_name[name]

    def find_transition(self, name: str) -> Transition | None:
        return self._by_name.get(name)

    def transitions_from(self, state_key: str) -> Iterable[Transition]:
        return (t for t in self.transitions if state_key in t.sources)

    def role_label(self, key: str) -> str | Promise:
        """The display name of role ``key`` (the key itself when the machine has none)."""
        return self.role_labels.get(key, key)

    def state_choices(self) -> list[tuple[str, str | Promise]]:
        return [(state.key, state.label) for state in self.states]

    def open_states(self) -> tuple[str, ...]:
        return tuple(state.key for state in self.states if not state.is_final)

    def reachable_states(self) -> set[str]:
        """States reachable from the initial one (a state outside this set is unreachable)."""
        seen, todo = {self.initial}, [self.initial]
        while todo:
            for transition in self.transitions_from(todo.pop()):
                if transition.target not in seen:
                    seen.add(transition.target)
                    todo.append(transition.target)
        return seen

    def dead_states(self) -> set[str]:
        """Open states with no way out: a lifecycle stuck there could never finish."""
        return {
            state.key
            for state in self.states
            if not state.is_final and not any(self.transitions_from(state.key))
        }

    def problems(self) -> list[str]:
        """Structural defects of the table, empty when the machine is sound."""
        found = [
            f"unreachable state {key!r}"
            for key in {s.key for s in self.states} - self.reachable_states()
        ]
        found += [f"dead state {key!r}" for key in sorted(self.dead_states())]
        found += [
            f"final state {t.sources!r} has outgoing transition {t.name!r}"
            for t in self.transitions
            if any(self.state(source).is_final for source in t.sources)
        ]
        return found
