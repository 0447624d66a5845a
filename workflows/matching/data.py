"""The solver's input as plain data: no Django models, so the core is fast and testable alone.

:mod:`workflows.matching.inputs` builds an :class:`Instance` from a cohort's applications;
tests, benchmarks and property tests build one directly.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from workflows.matching.keys import DEFAULT_SWITCHES, DEFAULT_WEIGHTS

Pair = tuple[int, int]  # (mentee id, mentor id)


@dataclass(frozen=True)
class Participant:
    """One mentee or mentor as matching sees them (ids are application ids)."""

    id: int
    country: str = ""
    institution: str = ""
    faculty: str = ""
    #: Levels by language code ("de": "native"); only B2 and better count for mentoring.
    languages: Mapping[str, str] = field(default_factory=dict)
    disciplines: frozenset[str] = frozenset()
    interests: frozenset[str] = frozenset()
    #: Mentee: goals and wishes; mentor: expertise (position, interests, disciplines' names).
    text: str = ""
    meeting: str = "mixed"
    timezone: str = "Europe/Prague"
    #: Weekly slots in local wall-clock time: (weekday 0=Monday, start minute, end minute).
    slots: tuple[tuple[int, int, int], ...] = ()
    #: Mentors only: how many mentees (after their own lowering, if any).
    capacity: int = 1
    #: Mentors only: topics (interest keywords or discipline keys) they would rather not mentor.
    excluded_topics: frozenset[str] = frozenset()
    label: str = ""


@dataclass(frozen=True)
class Instance:
    mentees: tuple[Participant, ...]
    mentors: tuple[Participant, ...]
    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    switches: Mapping[str, bool] = field(default_factory=lambda: dict(DEFAULT_SWITCHES))
    locks: frozenset[Pair] = frozenset()
    forbids: frozenset[Pair] = frozenset()
    conflicts: frozenset[Pair] = frozenset()
    #: Pairs that already mentored together in an earlier cohort (from the keyed hashes).
    past_pairs: frozenset[Pair] = frozenset()
    #: Pairs of this cohort that one of them declined.
    declined: frozenset[Pair] = frozenset()
    vetoes: frozenset[Pair] = frozenset()
    #: mentee id -> {mentor id: rank 1..5}
    rankings: Mapping[int, Mapping[int, int]] = field(default_factory=dict)
    #: The current proposal: kept unless a change is needed (re-run for the rest).
    keep: frozenset[Pair] = frozenset()
    starts_on: datetime.date = datetime.date(2026, 11, 1)
    ends_on: datetime.date = datetime.date(2027, 7, 31)

    def mentee_index(self) -> dict[int, int]:
        return {p.id: i for i, p in enumerate(self.mentees)}

    def mentor_index(self) -> dict[int, int]:
        return {p.id: j for j, p in enumerate(self.mentors)}
