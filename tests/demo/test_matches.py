"""The demo's matching step: the pilot's ten tandems as confirmed matches made by the matching
code on their historical dates, and the open intake ready for a run."""

from __future__ import annotations

import datetime

import pytest

from demo.content import pilot as content
from demo.context import LoadContext
from demo.loaders.cohorts import open_intake, pilot
from workflows.engine.models import HistoryEntry
from workflows.matching.inputs import build_instance
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match, MatchingRun, PastPairHash
from workflows.matching.solver import problems
from workflows.notifications.models import OutboundEmail

pytestmark = pytest.mark.django_db


def test_the_pilots_ten_tandems_are_confirmed_matches_with_their_explanation(demo):
    matches = Match.objects.filter(cohort=pilot()).select_related(
        "mentee_application__person", "mentor_application__person"
    )
    assert matches.count() == 10
    assert {m.state for m in matches} == {CONFIRMED}
    pairs = {
        (m.mentee_application.person.email, m.mentor_application.person.email) for m in matches
    }
    assert pairs == {
        (a["email"], b["email"]) for a, b in zip(content.MENTEES, content.MENTORS, strict=True)
    }
    for match in matches:
        assert match.score > 0 and set(match.breakdown) >= {"discipline", "availability"}
        assert match.run is not None and match.run.state == MatchingRun.State.DONE
        assert match.mentee_confirmed_at.date() == (content.MATCHED + datetime.timedelta(1)).date()
        steps = list(
            HistoryEntry.objects.for_object(match)
            .order_by("created_at", "pk")
            .values_list("transition", flat=True)
        )
        assert steps == ["create", "approve", "mentee_confirms", "mentor_completes"]
    assert PastPairHash.objects.count() >= 10
    assert not OutboundEmail.objects.filter(key__startswith="match:").exists()


def test_the_open_intake_is_ready_for_a_run(demo):
    cohort = open_intake(LoadContext(stdout=None))
    instance, _record = build_instance(cohort)
    assert len(instance.mentees) >= 4 and len(instance.mentors) >= 3
    assert problems(instance) == []
