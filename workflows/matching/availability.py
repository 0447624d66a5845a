"""Weekly availability overlap across time zones, on the programme's real dates.

Everyone gives weekly slots in their own wall-clock time. Over the programme (November to
July) the offsets between zones change: Central Europe moves to summer time on the last Sunday
of March, the United States two or three weeks earlier, some zones never. So the overlap is
computed per programme week in UTC with :mod:`zoneinfo`, and averaged over the weeks.

Weeks whose zones all have the same offsets on each weekday give identical UTC masks, so only
the distinct "offset regimes" (usually 2–4 over a programme) are computed, each weighted by its
number of weeks: one boolean matrix product per regime for a whole cohort.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
from django.utils.translation import gettext_lazy as _

from workflows.matching.data import Participant

#: Short weekday names for the week grids (Monday first, as ``datetime.weekday()``).
WEEKDAYS = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))

BIN_MINUTES = 30
#: A week of half-hour bins in UTC, with a day's margin either side for zones far from UTC.
MARGIN_BINS = 48
WEEK_BINS = 7 * 24 * 60 // BIN_MINUTES + 2 * MARGIN_BINS
#: Overlap (hours per week) that counts as a full score for the availability criterion.
FULL_HOURS = 2.0


@lru_cache(maxsize=4096)
def offset_minutes(zone: str, day: datetime.date) -> int:
    """The UTC offset of ``zone`` at noon on ``day`` (nobody meets during the 2–3 am switch)."""
    moment = datetime.datetime.combine(day, datetime.time(12), tzinfo=ZoneInfo(zone))
    return int(moment.utcoffset().total_seconds() // 60)


def programme_weeks(starts_on: datetime.date, ends_on: datetime.date) -> list[datetime.date]:
    """The Mondays of the programme's weeks (each week counted if it has a programme day)."""
    monday = starts_on - datetime.timedelta(days=starts_on.weekday())
    weeks = []
    while monday <= ends_on:
        weeks.append(monday)
        monday += datetime.timedelta(days=7)
    return weeks


def regimes(
    zones: Sequence[str], starts_on: datetime.date, ends_on: datetime.date
) -> list[tuple[dict[str, tuple[int, ...]], float]]:
    """Distinct per-weekday offsets of every zone, each with its share of programme weeks."""
    counter: Counter = Counter()
    zones = sorted(set(zones))
    for monday in programme_weeks(starts_on, ends_on):
        key = tuple(
            tuple(offset_minutes(z, monday + datetime.timedelta(days=d)) for d in range(7))
            for z in zones
        )
        counter[key] += 1
    total = sum(counter.values()) or 1
    return [(dict(zip(zones, key, strict=True)), count / total) for key, count in counter.items()]


def utc_mask(slots, offsets: tuple[int, ...]) -> np.ndarray:
    """Half-hour bins (UTC, from Monday 00:00 UTC minus the margin) a person is available in."""
    mask = np.zeros(WEEK_BINS, dtype=bool)
    for weekday, start, end in slots:
        offset = offsets[weekday]
        first = (weekday * 1440 + start - offset) // BIN_MINUTES + MARGIN_BINS
        last = (weekday * 1440 + end - offset) // BIN_MINUTES + MARGIN_BINS
        mask[max(first, 0) : min(last, WEEK_BINS)] = True
    return mask


def overlap_hours(
    mentees: Sequence[Participant],
    mentors: Sequence[Participant],
    starts_on: datetime.date,
    ends_on: datetime.date,
) -> np.ndarray:
    """Average weekly overlap in hours of every mentee with every mentor over the programme.

    People with the same zone and slots share one row (weekly patterns repeat a lot: the forms
    offer three blocks a day), so the products are over distinct patterns only.
    """
    if not mentees or not mentors:
        return np.zeros((len(mentees), len(mentors)), dtype=np.float32)
    left, left_index = _patterns(mentees)
    right, right_index = _patterns(mentors)
    zones = [zone for zone, _slots in (*left, *right)]
    distinct = np.zeros((len(left), len(right)), dtype=np.float32)
    for offsets, share in regimes(zones, starts_on, ends_on):
        a = np.stack([utc_mask(slots, offsets[zone]) for zone, slots in left]).astype(np.float32)
        b = np.stack([utc_mask(slots, offsets[zone]) for zone, slots in right]).astype(np.float32)
        distinct += share * (a @ b.T) * (BIN_MINUTES / 60)
    return distinct[left_index][:, right_index]


def _patterns(people: Sequence[Participant]) -> tuple[list[tuple[str, tuple]], np.ndarray]:
    table: dict[tuple[str, tuple], int] = {}
    index = np.array(
        [table.setdefault((p.timezone, tuple(sorted(p.slots))), len(table)) for p in people],
        dtype=np.intp,
    )
    return list(table), index


def week_grid(slots, zone: str, viewer_zone: str, on: datetime.date) -> list[list[bool]]:
    """7×24 grid (viewer's weekdays × hours) of when someone is available, seen from
    ``viewer_zone`` in the week of ``on`` (for the matching screen)."""
    monday = on - datetime.timedelta(days=on.weekday())
    grid = [[False] * 24 for _ in range(7)]
    own, viewer = ZoneInfo(zone), ZoneInfo(viewer_zone)
    for weekday, start, end in slots:
        day = monday + datetime.timedelta(days=weekday)
        for minute in range(start, end, 60):
            local = datetime.datetime.combine(day, datetime.time(), tzinfo=own)
            seen = (local + datetime.timedelta(minutes=minute)).astimezone(viewer)
            delta = (seen.date() - monday).days
            if 0 <= delta < 7:
                grid[delta][seen.hour] = True
    return grid


def spans(grid: list[list[bool]]) -> list[str]:
    """A week grid as short text, e.g. ["Tue 16–20", "Thu 12–16"] (for small screens)."""
    found = []
    for day, hours in enumerate(grid):
        start = None
        for hour in range(25):
            on = hour < 24 and hours[hour]
            if on and start is None:
                start = hour
            elif not on and start is not None:
                found.append(f"{WEEKDAYS[day]} {start}–{hour}")
                start = None
    return found
