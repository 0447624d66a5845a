"""IANA time zones for choice fields: the programme's own zones first, then all others."""

from __future__ import annotations

import zoneinfo
from functools import cache

COMMON_TIMEZONES = ("Europe/Prague", "Europe/Berlin", "Europe/Vienna", "Europe/London", "UTC")


@cache
def timezone_choices() -> list[tuple[str, str]]:
    """Computed once per process: the zone database is read from disk, ~600 entries."""
    rest = sorted(zoneinfo.available_timezones() - set(COMMON_TIMEZONES) - {"localtime"})
    return [(name, name.replace("_", " ")) for name in (*COMMON_TIMEZONES, *rest)]
