"""Every transition, allowed and refused per role: a matrix over each machine's own table.

For each transition and each role, an actor holding exactly that role tries it from a state
the transition starts in; it must be allowed iff the role is in the transition's roles (and its
guards pass, which they do here). Matches and agreements are plain objects shaped as documented
in workflows.roles, since their models arrive later.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from tests.factories import ApplicationFactory, PersonFactory, UserFactory
from workflows.agreements.lifecycle import AGREEMENT
from workflows.engine.actors import Actor
from workflows.engine.engine import check_transition
from workflows.lifecycles.application import APPLICATION
from workflows.matching.lifecycle import MATCH
from workflows.review.models import ReviewAssignment
from workflows.roles import COORDINATORS, REVIEWERS

APPLICATION_ROLES = ("applicant", "coordinator", "reviewer", "system", "nobody")
PAIR_ROLES = ("mentee", "mentor", "coordinator", "system", "nobody")


def cases(machine, roles) -> list:
    return list(_cases(machine, roles))


def _cases(machine, roles):
    for transition in machine.transitions:
        for role in roles:
            yield pytest.param(
                transition.name, role, transition.sources[0], id=f"{transition.name}-{role}"
            )


def application_actor(role: str, application) -> Actor:
    if role == "applicant":
        return Actor(person=application.person)
    if role == "coordinator":
        return Actor(user=UserFactory(groups=[COORDINATORS]))
    if role == "reviewer":
        user = UserFactory(groups=[REVIEWERS])
        ReviewAssignment.objects.create(application=application, reviewer=user)
        return Actor(user=user)
    if role == "system":
        return Actor.system()
    return Actor(user=UserFactory())


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role", "state"), cases(APPLICATION, APPLICATION_ROLES))
def test_application_transition_matrix(name, role, state, cohort):
    application = ApplicationFactory(cohort=cohort, state=state)
    actor = application_actor(role, application)
    check = check_transition(APPLICATION, application, name, actor)
    expected = role in APPLICATION.transition(name).roles
    assert check.allowed is expected, check.reason
    if not expected:
        assert check.reason  # a refusal always says why


def pair(cohort):
    return SimpleNamespace(
        mentee_application=ApplicationFactory(cohort=cohort, role="mentee"),
        mentor_application=ApplicationFactory(cohort=cohort, role="mentor"),
    )


def pair_actor(role: str, match) -> Actor:
    if role == "mentee":
        return Actor(person=match.mentee_application.person)
    if role == "mentor":
        return Actor(person=match.mentor_application.person)
    if role == "coordinator":
        return Actor(user=UserFactory(groups=[COORDINATORS]))
    if role == "system":
        return Actor.system()
    return Actor(person=PersonFactory())


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role", "state"), cases(MATCH, PAIR_ROLES))
def test_match_transition_matrix(name, role, state, cohort):
    match = pair(cohort)
    match.state = state
    check = check_transition(MATCH, match, name, pair_actor(role, match))
    assert check.allowed is (role in MATCH.transition(name).roles), check.reason


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "role", "state"), cases(AGREEMENT, PAIR_ROLES))
def test_agreement_transition_matrix(name, role, state, cohort):
    match = pair(cohort)
    agreement = SimpleNamespace(match=match, state=state)
    check = check_transition(AGREEMENT, agreement, name, pair_actor(role, match))
    assert check.allowed is (role in AGREEMENT.transition(name).roles), check.reason


@pytest.mark.django_db
@pytest.mark.parametrize("transition", APPLICATION.transitions, ids=lambda t: t.name)
def test_application_transition_refused_from_every_other_state(transition, cohort):
    """The state half of the matrix: a superuser still cannot skip the lifecycle."""
    admin = UserFactory(is_superuser=True)
    for state in APPLICATION.states:
        if state.key in transition.sources:
            continue
        application = ApplicationFactory(cohort=cohort, state=state.key)
        check = check_transition(APPLICATION, application, transition.name, Actor(user=admin))
        assert not check.allowed and check.reason


@pytest.mark.django_db
def test_cohort_coordinator_cannot_decide_in_another_cohort(cohort, other_cohort):
    from workflows.access.models import CohortRole

    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=cohort)
    mine = ApplicationFactory(cohort=cohort, state="in_review")
    theirs = ApplicationFactory(cohort=other_cohort, state="in_review")
    actor = Actor(user=coordinator)
    assert check_transition(APPLICATION, mine, "accept", actor).allowed
    refused = check_transition(APPLICATION, theirs, "accept", actor)
    assert not refused.allowed and refused.reason


@pytest.mark.django_db
def test_guard_refuses_with_a_translated_reason(cohort):
    from django.utils.translation import override

    cohort.capacity = 1
    cohort.save()
    ApplicationFactory(cohort=cohort, state="accepted")
    full = ApplicationFactory(cohort=cohort, state="in_review")
    actor = Actor(user=UserFactory(groups=[COORDINATORS]))
    with override("en"):
        english = check_transition(APPLICATION, full, "accept", actor)
    with override("de"):
        german = check_transition(APPLICATION, full, "accept", actor)
    assert not english.allowed and "full" in english.reason
    assert german.reason != english.reason
