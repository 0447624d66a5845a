"""Dates and time zones the way each language writes them (see :mod:`base.zones`).

``{{ moment|zone_abbr }}``: "SEČ" in Czech, "MEZ" in German, "CET" in English (in the active
time zone, so inside ``{% timezone %}`` the event's own); ``{{ "Europe/Prague"|zone_label }}``:
"Praha – Česko (UTC+01:00)"; ``{{ moment|zoned_datetime }}``: date, time and zone name.
"""

from __future__ import annotations

from datetime import datetime

from django import template
from django.utils import timezone

from base import zones

register = template.Library()


@register.filter
def zone_abbr(value: datetime | None) -> str:
    if not isinstance(value, datetime):
        return ""
    return zones.zone_abbreviation(timezone.localtime(value))


@register.filter
def zone_label(name: str | None) -> str:
    if not name:
        return ""
    try:
        return zones.zone_label(name)
    except LookupError:
        return name


@register.filter
def zoned_datetime(value: datetime | None) -> str:
    if not isinstance(value, datetime):
        return ""
    return zones.format_datetime(value, zone=str(timezone.get_current_timezone()))
