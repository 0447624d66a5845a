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


#: Staff who never chose a time zone in their Wagtail account see the programme's own.
DEFAULT_STAFF_TIME_ZONE = "Europe/Prague"


def time_zone_name_of(user) -> str:
    """The IANA name of ``user``'s time zone: Wagtail's account setting, else Prague.

    The Wagtail admin activates this zone for its own views; emails to staff and exports run
    outside those views (or need the name for a heading), so they ask here.
    """
    profile = None
    if user is not None and getattr(user, "is_authenticated", False):
        from wagtail.users.models import UserProfile

        try:
            profile = user.wagtail_userprofile
        except UserProfile.DoesNotExist:
            profile = None
    name = (profile.current_time_zone if profile else "") or DEFAULT_STAFF_TIME_ZONE
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return DEFAULT_STAFF_TIME_ZONE
    return name


def time_zone_of(user) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(time_zone_name_of(user))


def naive_in_zone(value, zone: zoneinfo.ZoneInfo):
    """An aware datetime as the wall-clock time in ``zone``, without tzinfo (for XLSX cells,
    which cannot hold a zone: the column heading names it)."""
    if value is None:
        return None
    from django.utils import timezone

    if timezone.is_naive(value):
        value = timezone.make_aware(value, zoneinfo.ZoneInfo("UTC"))
    return value.astimezone(zone).replace(tzinfo=None)


def format_in_zone(value, zone_name: str, format_name: str = "SHORT_DATETIME_FORMAT") -> str:
    """``value`` as wall-clock time in ``zone_name``, in the active language's format, with the
    zone named: "05.10.2026 22:24 (Europe/Prague)". Used by Python code that formats before
    a template renders (inspect fields, emails) and by the ``staff_datetime`` filter."""
    if not value:
        return ""
    from django.utils import timezone
    from django.utils.dateformat import format as date_format
    from django.utils.formats import get_format

    zone = zoneinfo.ZoneInfo(zone_name)
    local = value.astimezone(zone) if timezone.is_aware(value) else value
    return f"{date_format(local, get_format(format_name))} ({zone_name})"
