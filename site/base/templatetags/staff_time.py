"""``{{ value|staff_datetime }}``: a date and time in the viewer's zone, with the zone named.

In the Wagtail admin the viewer's zone (their account setting) is the active one; emails to
staff activate the recipient's zone with ``timezone.override`` before rendering. Either way
the reader sees e.g. "5. 10. 2026 22:24 (Europe/Prague)" and never has to guess.
"""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import get_format

register = template.Library()


@register.filter
def staff_datetime(value, format_name: str = "SHORT_DATETIME_FORMAT") -> str:
    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    zone = timezone.get_current_timezone_name()
    return f"{date_format(local, get_format(format_name))} ({zone})"


@register.filter
def iso_datetime(value) -> str:
    """The machine-readable form for ``<time datetime="…">`` (with its UTC offset)."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat() if timezone.is_aware(value) else value.isoformat()
