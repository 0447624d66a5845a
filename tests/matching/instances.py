"""Small pure instances for the matching core's tests (no database)."""

from __future__ import annotations

import itertools

from workflows.matching.data import Instance, Participant


def mentee(id_, **kwargs) -> Participant:
    defaults = {
        "country": "DE",
        "institution": "oth",
        "faculty": f"f{id_}",
        "languages": {"de": "native", "en": "C1"},
        "disciplines": frozenset({"mechanical-engineering"}),
        "slots": ((0, 8 * 60, 12 * 60),),
        "timezone": "Europe/Berlin",
        "label": f"mentee {id_}",
    }
    defaults.update(kwargs)
    return Participant(id=id_, **defaults)


def mentor(id_, **kwargs) -> Participant:
    defaults = {
        "country": "CZ",
        "institution": "zcu",
        "faculty": f"g{id_}",
        "languages": {"cs": "native", "en": "C1"},
        "disciplines": frozenset({"mechanical-engineering"}),
        "slots": ((0, 8 * 60, 12 * 60),),
        "timezone": "Europe/Prague",
        "capacity": 1,
        "label": f"mentor {id_}",
    }
    defaults.update(kwargs)
    return Participant(id=id_, **defaults)


def exhaustive(ev) -> tuple[int, float]:
    """(most pairs, best total among assignments with that many) by trying every assignment."""
    inst = ev.inst
    n, m = len(inst.mentees), len(inst.mentors)
    rows, cols = inst.mentee_index(), inst.mentor_index()
    locked = {rows[a]: cols[b] for a, b in inst.locks}
    best = (-1, -1.0)
    # each mentee: a mentor index or None
    for choice in itertools.product([None, *range(m)], repeat=n):
        if any(choice[i] != j for i, j in locked.items()):
            continue
        load = [0] * m
        ok = True
        total = 0.0
        count = 0
        for i, j in enumerate(choice):
            if j is None:
                continue
            if not ev.eligible[i, j]:
                ok = False
                break
            load[j] += 1
            if load[j] > ev.capacities[j]:
                ok = False
                break
            total += ev.scores[i, j]
            count += 1
        if ok and (count, round(total, 6)) > (best[0], round(best[1], 6)):
            best = (count, total)
    return best


def instance(mentees, mentors, **kwargs) -> Instance:
    return Instance(mentees=tuple(mentees), mentors=tuple(mentors), **kwargs)
