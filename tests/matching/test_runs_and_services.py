"""Runs as tasks, approval, confirmation, decline: the workflow around the solver."""

from __future__ import annotations

import pytest

from applications.models import Application
from tests.matching.conftest import accepted
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionConflict, TransitionRefused
from workflows.engine.models import HistoryEntry
from workflows.matching import services
from workflows.matching.lifecycle import APPROVED, CANCELLED, CONFIRMED, DECLINED, PROPOSED
from workflows.matching.models import Match, MatchingRun, PairRule, PastPairHash
from workflows.matching.runs import execute_run, start_run
from workflows.notifications.models import OutboundEmail


def run_now(cohort, user=None, keep=True) -> MatchingRun:
    run = start_run(cohort, user, keep=keep)
    execute_run(run.pk)
    run.refresh_from_db()
    return run


@pytest.mark.django_db
def test_a_run_proposes_every_mentee_and_records_how_to_repeat_it(cohort, people, coordinator):
    run = run_now(cohort, coordinator)
    assert run.state == MatchingRun.State.DONE, run.refusal
    assert run.matched_count == 2
    assert run.progress == 100
    assert len(run.inputs_hash) == 64 and run.inputs["mentees"]
    assert run.greedy_total is not None and run.total_score >= run.greedy_total
    matches = Match.objects.filter(cohort=cohort, state=PROPOSED)
    assert matches.count() == 2
    assert all(m.breakdown["discipline"]["value"] == 1.0 for m in matches)
    assert HistoryEntry.objects.filter(machine="match", transition="create").count() == 2


@pytest.mark.django_db
def test_the_task_runs_once_however_often_it_is_delivered(cohort, people):
    run = start_run(cohort)
    assert execute_run(run.pk) == "matched 2"
    assert execute_run(run.pk) == "not queued"
    assert Match.objects.filter(cohort=cohort).count() == 2


@pytest.mark.django_db
def test_an_empty_cohort_is_refused_with_a_reason(cohort):
    run = run_now(cohort)
    assert run.state == MatchingRun.State.REFUSED
    assert "no accepted mentees" in run.refusal


@pytest.mark.django_db
def test_a_lock_breaking_a_hard_constraint_is_refused(cohort, people, oth):
    german_mentor = accepted(cohort, "mentor", "Max Bauer", institution=oth, capacity=1)
    PairRule.objects.create(
        cohort=cohort,
        mentee_application=people["anna"],
        mentor_application=german_mentor,
        kind=PairRule.Kind.LOCK,
    )
    run = run_now(cohort)
    assert run.state == MatchingRun.State.REFUSED
    assert "breaks a hard constraint" in run.refusal
    assert not Match.objects.exists()


@pytest.mark.django_db
def test_confirmation_by_both_moves_both_applications_to_matched(cohort, people, coordinator):
    run_now(cohort)
    match = Match.objects.get(mentee_application=people["anna"])
    services.approve(match, Actor(user=coordinator))
    assert match.state == APPROVED
    services.confirm(match, Actor(person=match.mentor_application.person))
    assert Application.objects.get(pk=people["anna"].pk).state == "accepted"
    services.confirm(match, Actor(person=match.mentee_application.person))
    match.refresh_from_db()
    assert match.state == CONFIRMED
    assert match.mentee_confirmed_at and match.mentor_confirmed_at
    for application in (match.mentee_application, match.mentor_application):
        assert Application.objects.get(pk=application.pk).state == "matched"
    assert PastPairHash.objects.count() == 1
    assert "@" not in PastPairHash.objects.get().digest


@pytest.mark.django_db
def test_someone_else_cannot_confirm(cohort, people, coordinator):
    run_now(cohort)
    match = Match.objects.get(mentee_application=people["anna"])
    services.approve(match, Actor(user=coordinator))
    with pytest.raises(TransitionRefused):
        services.confirm(match, Actor(person=people["lukas"].person))


@pytest.mark.django_db
def test_a_decline_frees_both_tells_the_coordinator_and_the_pair_is_not_proposed_again(
    cohort, people, coordinator, run_tasks_inline, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run_now(cohort)
    match = Match.objects.get(mentee_application=people["anna"])
    mentor = match.mentor_application
    services.approve(match, Actor(user=coordinator))
    services.decline(match, Actor(person=mentor.person), "I am on sabbatical")
    assert match.state == DECLINED
    recipients = set(
        OutboundEmail.objects.filter(key__contains=":decline").values_list("to", flat=True)
    )
    assert recipients == {people["anna"].person.email, mentor.person.email, coordinator.email}
    german = OutboundEmail.objects.get(key__contains=":decline", to=people["anna"].person.email)
    assert german.language == "de"
    assert Application.objects.get(pk=people["anna"].pk).state == "accepted"
    run = run_now(cohort)
    assert run.state == MatchingRun.State.DONE
    again = Match.objects.filter(mentee_application=people["anna"], state=PROPOSED).get()
    assert again.mentor_application_id != mentor.pk


@pytest.mark.django_db
def test_approving_beyond_the_mentors_capacity_is_a_conflict(cohort, people, coordinator):
    actor = Actor(user=coordinator)
    petr = people["petr"]
    first = services.propose(cohort, people["anna"], petr, actor)
    second = services.propose(cohort, people["lukas"], petr, actor)
    services.approve(first, actor)
    with pytest.raises(TransitionConflict, match="no place left"):
        services.approve(second, actor)
    second.refresh_from_db()
    assert second.state == PROPOSED


@pytest.mark.django_db
def test_a_rerun_for_the_rest_changes_only_the_people_affected(cohort, people, zcu, coordinator):
    run_now(cohort)
    before = {m.mentee_application_id: m.pk for m in Match.objects.filter(state=PROPOSED)}
    newcomer = accepted(
        cohort, "mentee", "Eva Lang", institution=people["anna"].profile.institution
    )
    accepted(cohort, "mentor", "Karel Mach", institution=zcu, capacity=1)
    run_now(cohort)
    after = {m.mentee_application_id: m.pk for m in Match.objects.filter(state=PROPOSED)}
    assert {k: after[k] for k in before} == before  # the same Match rows, untouched
    assert newcomer.pk in after


@pytest.mark.django_db
def test_forbidding_a_proposed_pair_cancels_it_and_swap_checks_constraints(
    cohort, people, coordinator
):
    actor = Actor(user=coordinator)
    run_now(cohort)
    a, b = Match.objects.filter(state=PROPOSED).order_by("pk")
    new_a, new_b = services.swap(a, b, actor)
    assert (new_a.mentor_application_id, new_b.mentor_application_id) == (
        b.mentor_application_id,
        a.mentor_application_id,
    )
    a.refresh_from_db()
    assert a.state == CANCELLED
    services.set_rule(
        cohort, new_a.mentee_application, new_a.mentor_application, "forbid", coordinator
    )
    new_a.refresh_from_db()
    assert new_a.state == CANCELLED
    with pytest.raises(TransitionRefused, match="forbade"):
        services.propose(cohort, new_a.mentee_application, new_a.mentor_application, actor)


@pytest.mark.django_db
def test_a_failed_match_email_is_scoped_to_the_matchs_cohort(cohort, people, coordinator):
    from workflows.notifications.failures import email_cohort

    run_now(cohort)
    match = Match.objects.filter(cohort=cohort).first()
    email = OutboundEmail(key=f"match:{match.pk}:1:approve", to="x@example.org")
    assert email_cohort(email) == cohort
