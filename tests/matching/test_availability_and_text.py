"""Availability across time zones on the real dates (DST), and text similarity in cs/de/en."""

from __future__ import annotations

import datetime

import pytest

from tests.matching.instances import mentee, mentor
from workflows.matching.availability import overlap_hours, regimes, week_grid
from workflows.matching.text import similarity_matrix, tokens

MONDAY_MORNING = ((0, 8 * 60, 12 * 60),)


def test_same_wall_clock_in_prague_and_berlin_overlaps_fully_all_year():
    hours = overlap_hours(
        [mentee(1, slots=MONDAY_MORNING, timezone="Europe/Berlin")],
        [mentor(101, slots=MONDAY_MORNING, timezone="Europe/Prague")],
        datetime.date(2026, 11, 2),
        datetime.date(2027, 7, 31),
    )
    assert hours[0, 0] == pytest.approx(4.0)


def test_new_york_overlap_changes_in_the_weeks_between_the_two_dst_switches():
    # New York 8–12 is Prague 14–18 (6 h apart) except between the US switch (14 March 2027)
    # and the EU switch (28 March 2027), when it is Prague 13–17: a Prague slot 16–20 then
    # overlaps one hour instead of two. Only the programme's real weeks count.
    ny = mentee(1, slots=MONDAY_MORNING, timezone="America/New_York")
    prague = mentor(101, slots=((0, 16 * 60, 20 * 60),), timezone="Europe/Prague")
    outside = overlap_hours([ny], [prague], datetime.date(2027, 1, 4), datetime.date(2027, 1, 10))
    between = overlap_hours([ny], [prague], datetime.date(2027, 3, 15), datetime.date(2027, 3, 21))
    assert outside[0, 0] == pytest.approx(2.0)
    assert between[0, 0] == pytest.approx(1.0)
    whole = overlap_hours([ny], [prague], datetime.date(2026, 11, 2), datetime.date(2027, 7, 4))
    assert 1.0 < whole[0, 0] < 2.0
    assert (
        len(
            regimes(
                ["America/New_York", "Europe/Prague"],
                datetime.date(2026, 11, 2),
                datetime.date(2027, 7, 4),
            )
        )
        >= 3
    )


def test_week_grid_shows_the_slot_in_the_viewers_time_zone():
    grid = week_grid(MONDAY_MORNING, "America/New_York", "Europe/Prague", datetime.date(2027, 1, 4))
    assert [hour for hour in range(24) if grid[0][hour]] == [14, 15, 16, 17]


def test_tokens_fold_case_diacritics_and_map_cs_de_research_words():
    assert "doctor" in tokens("Ich möchte eine Promotion")
    assert "doctor" in tokens("doktorské studium")
    assert tokens("Výzkum")[0] == tokens("Forschung")[0] == tokens("research")[0]


def test_goals_meet_expertise_across_languages():
    goals = ["Ich möchte eine Promotion in der additiven Fertigung planen."]
    expertise = [
        "Additive manufacturing, doctoral supervision in mechanical engineering",
        "Medieval history and archives",
    ]
    similarity = similarity_matrix(goals, expertise)
    assert similarity[0, 0] > 0.2
    assert similarity[0, 1] == pytest.approx(0.0)
