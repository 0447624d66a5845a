"""Shift the years in dates and in texts ("Cohort 2026/27" becomes "Cohort 2027/28")."""

from __future__ import annotations

import re
from datetime import date, datetime

from django.utils import timezone

# A four-digit year, optionally followed by the short form of the next one ("2026/27",
# "2026-27", "2026–27", or "202627" as slugify makes of "2026/27"). Digits glued to letters
# or other digits (a slug's hex suffix) are not years.
YEAR = re.compile(r"(?<![\w])((?:19|20)\d{2})(?:([/\-–]?)(\d{2}))?(?![\w])")


def shift_text(text: str, years: int) -> str:
    """Every year in ``text`` moved by ``years`` (the short follower of "2026/27" too)."""

    def replace(match: re.Match) -> str:
        year = int(match.group(1)) + years
        if match.group(3) is None:
            return str(year)
        if not match.group(2) and int(match.group(3)) != (int(match.group(1)) + 1) % 100:
            return match.group(0)  # six digits that are not a year and its follower
        return f"{year}{match.group(2)}{(int(match.group(3)) + years) % 100:02d}"

    return YEAR.sub(replace, text or "")


def shift_date(day: date, years: int) -> date:
    """``day`` in ``years`` years; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def shift_datetime(moment: datetime, years: int) -> datetime:
    """``moment`` in ``years`` years at the same wall-clock time of the site's time zone
    (an application window closing at 23:59 in winter still closes at 23:59)."""
    zone = timezone.get_default_timezone()
    local = timezone.localtime(moment, zone)
    naive = datetime.combine(shift_date(local.date(), years), local.time())
    return timezone.make_aware(naive, zone)
