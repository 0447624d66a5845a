"""Years move in texts and dates; things that only look like years do not."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.utils import timezone

from workflows.next_cohort.years import shift_date, shift_datetime, shift_text


@pytest.mark.parametrize(
    ("text", "shifted"),
    [
        ("Pilot cohort 2023/24", "Pilot cohort 2024/25"),
        ("pilot-2023-24", "pilot-2024-25"),
        ("cohort-202324-ab12cd", "cohort-202425-ab12cd"),
        ("Jahrgang 2023–24", "Jahrgang 2024–25"),
        ("November 2023 to July 2024", "November 2024 to July 2025"),
        ("1999/00", "2000/01"),
        ("room 201234, a2023, 2023b", "room 201234, a2023, 2023b"),
    ],
)
def test_years_in_text_move_by_one(text, shifted):
    assert shift_text(text, 1) == shifted


def test_29_february_becomes_28_february_in_a_common_year():
    assert shift_date(date(2028, 2, 29), 1) == date(2029, 2, 28)
    assert shift_date(date(2027, 3, 1), 1) == date(2028, 3, 1)


def test_a_window_keeps_its_wall_clock_time_across_summer_time():
    zone = timezone.get_default_timezone()
    closes = timezone.make_aware(datetime(2026, 3, 29, 23, 59), zone)  # summer time starts
    shifted = timezone.localtime(shift_datetime(closes, 1), zone)
    assert (shifted.date(), shifted.hour, shifted.minute) == (date(2027, 3, 29), 23, 59)
