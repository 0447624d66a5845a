"""``{{ value|staff_datetime }}``: a date and time in the viewer's zone, with the zone named.

In the Wagtail admin the viewer's zone (their account setting, default Europe/Prague) is the
active one; emails to staff activate the recipient's zone with ``timezone.override`` before
rendering. Either way the reader sees e.g. "05.10.2026 22:24 (Europe/Prague)".
"""

from __future__ import annotations

from django import template
from django.utils import timezone

from base.timezones import format_in_zone

register = template.Library()


@register.filter
def staff_datetime(value, format_name: str = "SHORT_DATETIME_FORMAT") -> str:
    return format_in_zone(value, timezone.get_current_timezone_name(), format_name)


@register.filter
def iso_datetime(value) -> str:
    """The machine-readable form for ``<time datetime="…">`` (with its UTC offset)."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
