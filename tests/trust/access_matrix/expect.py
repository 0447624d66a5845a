"""Building expectations: an outcome (or a set of outcomes) per actor, written by group.

``expect(everyone, anon=..., portal=..., staff=..., owner=..., ...)`` applies the arguments
from the widest group to the narrowest (see :data:`ORDER`), so a row says the general rule and
then its exceptions. Every actor must end up with an expectation.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from tests.trust.access_matrix.outcomes import (
    ADMIN_LOGIN,
    DENIED,
    NOT_FOUND,
    OK,
    PORTAL_LOGIN,
    REDIRECT,
)
from tests.trust.access_matrix.world import (
    ACTORS,
    ANON,
    APPLICANT_A,
    APPLICANT_B,
    COORD_GLOBAL,
    COORD_OTHER,
    COORD_THIS,
    COORDINATORS_ALL,
    EDITOR,
    MENTOR,
    OTHER_MENTEE,
    PORTAL_PEOPLE,
    REVIEWER_ASSIGNED,
    REVIEWER_OTHER,
    REVIEWERS_ALL,
    STAFF,
)

Outcomes = frozenset[str]
Expectation = Mapping[str, Outcomes]

#: Groups, widest first: later ones override earlier ones.
ORDER = (
    ("everyone", ACTORS),
    ("anon", (ANON,)),
    ("portal", PORTAL_PEOPLE),
    ("staff", STAFF),
    ("strangers", (APPLICANT_B, OTHER_MENTEE)),
    ("pair", (APPLICANT_A, MENTOR)),
    ("owner", (APPLICANT_A,)),
    ("partner", (MENTOR,)),
    ("applicant_b", (APPLICANT_B,)),
    ("other_mentee", (OTHER_MENTEE,)),
    ("reviewers", REVIEWERS_ALL),
    ("reviewer", (REVIEWER_ASSIGNED,)),
    ("reviewer_other", (REVIEWER_OTHER,)),
    ("coordinators", COORDINATORS_ALL),
    ("coord_this", (COORD_THIS,)),
    ("coord_other", (COORD_OTHER,)),
    ("coord_global", (COORD_GLOBAL,)),
    ("editor", (EDITOR,)),
)
_GROUPS = dict(ORDER)


def _as_set(value: str | frozenset | set | tuple) -> Outcomes:
    return frozenset({value}) if isinstance(value, str) else frozenset(value)


def expect(everyone=None, **groups) -> dict[str, Outcomes]:
    """Outcomes per actor (see the module docstring)."""
    unknown = set(groups) - set(_GROUPS)
    if unknown:
        raise TypeError(f"unknown actor group(s) {sorted(unknown)}; known: {list(_GROUPS)}")
    groups["everyone"] = everyone
    table: dict[str, Outcomes] = {}
    for name, actors in ORDER:
        if groups.get(name) is not None:
            for actor in actors:
                table[actor] = _as_set(groups[name])
    missing = [actor for actor in ACTORS if actor not in table]
    if missing:
        raise TypeError(f"no expectation for {missing}")
    return table


def admin(staff=DENIED, **groups) -> dict[str, Outcomes]:
    """An admin URL: anonymous visitors and portal people (who have no staff account) are
    sent to the admin's sign-in; staff get ``staff`` unless a narrower group says otherwise."""
    return expect(anon=ADMIN_LOGIN, portal=ADMIN_LOGIN, staff=staff, **groups)


def portal(portal=NOT_FOUND, **groups) -> dict[str, Outcomes]:
    """A portal URL: anyone not signed in to the portal (staff included) is sent to its
    sign-in; portal people get ``portal`` unless a narrower group says otherwise."""
    return expect(anon=PORTAL_LOGIN, staff=PORTAL_LOGIN, portal=portal, **groups)


@dataclass(frozen=True)
class Row:
    """One entry of the table: the expected outcome per actor of the pattern's own method
    (GET, or an API operation's), the URL arguments if the defaults do not fit, and whether a
    POST by everyone refused must be refused too (state-changing views: ``post=True``)."""

    expect: Expectation
    kwargs: Callable[[Mapping], Mapping] | Mapping | None = None
    post: bool = True
    why: str = ""
    extra: dict = field(default_factory=dict)


# Named shorthands --------------------------------------------------------------------------

PUBLIC = expect(OK)
#: Public, and a signed-in portal person is sent on (sign-in page -> dashboard).
STAFF_ONLY = admin(staff=OK)
COORDINATORS_ONLY = admin(staff=DENIED, coordinators=OK)
#: The applicant's own object: everyone else in the portal gets 404 (as if it did not exist).
OWNER_ONLY = portal(portal=NOT_FOUND, owner=OK)
#: Pair 1's object: its mentee (applicant A) and its mentor.
PAIR_ONLY = portal(portal=NOT_FOUND, pair=OK)
#: Any signed-in portal person.
PORTAL_ANY = portal(portal=OK)
#: A wall everyone meets: the admin's sign-in for all but staff, who are sent on.
ADMIN_SIGNED_IN_REDIRECT = admin(staff=REDIRECT)
