"""Time zones for people: localized names (CLDR, through Babel), the likely zones first, and
dates with the zone named the way each language does (SEČ in Czech, MEZ in German, CET in
English) instead of raw IANA identifiers and English abbreviations.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import datetime
from functools import cache

from babel.core import get_global
from babel.dates import get_timezone_location, get_timezone_name
from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

#: The programme's own zones, offered first (the reader's browser zone joins them by script).
LIKELY_ZONES = ("Europe/Prague", "Europe/Berlin")
#: Babel locale per site language: English as British English (24-hour clock, day first).
BABEL_LOCALES = {"cs": "cs", "de": "de", "en": "en_GB"}
# Place-based zones only: no "Factory", "W-SU", "Zulu", "Etc/GMT+3" or legacy aliases.
_PLACE = re.compile(
    r"^(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/"
)


def babel_locale(language: str | None = None) -> str:
    return BABEL_LOCALES.get((language or translation.get_language() or "en")[:2], "en_GB")


@cache
def place_zones() -> tuple[str, ...]:
    """Canonical place-based IANA zones of this machine's zone database (~420)."""
    aliases = get_global("zone_aliases")
    return tuple(
        sorted(
            name
            for name in zoneinfo.available_timezones()
            if _PLACE.match(name) and name not in aliases
        )
    )


def _offset(name: str, now: datetime) -> str:
    offset = now.astimezone(zoneinfo.ZoneInfo(name)).strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}"


def zone_label(name: str, language: str | None = None, now: datetime | None = None) -> str:
    """E.g. "Praha – Česko (UTC+01:00)", "Berlin – Deutschland (UTC+01:00)"."""
    if name == "UTC":
        return "UTC"
    locale = babel_locale(language)
    city = get_timezone_location(name, locale=locale, return_city=True)
    territory = get_global("zone_territories").get(name)
    country = ""
    if territory:
        from babel import Locale

        country = Locale.parse(locale).territories.get(territory, "")
    place = f"{city} – {country}" if country and country != city else city
    return f"{place} ({_offset(name, now or timezone.now())})"


@cache
def _grouped_choices(language: str, today: str) -> list:
    now = timezone.now()
    likely = [(name, zone_label(name, language, now)) for name in LIKELY_ZONES]
    rest = sorted(
        ((name, zone_label(name, language, now)) for name in place_zones()),
        key=lambda choice: choice[1].casefold(),
    )
    rest = [choice for choice in rest if choice[0] not in LIKELY_ZONES] + [("UTC", "UTC")]
    with translation.override(language):
        return [(str(_("Likely time zones")), likely), (str(_("All time zones")), rest)]


def zone_choices(language: str | None = None) -> list:
    """Grouped choices for a time-zone select in ``language`` (cached per language and day:
    offsets change with daylight saving time)."""
    language = (language or translation.get_language() or "en")[:2]
    return _grouped_choices(language, timezone.localdate().isoformat())


def zone_abbreviation(value: datetime, language: str | None = None) -> str:
    """The zone of an aware ``value`` as the reader's language abbreviates it: SEČ/SELČ in
    Czech, MEZ/MESZ in German, CET/CEST in English; an offset where CLDR has no name."""
    return get_timezone_name(value, width="short", locale=babel_locale(language))


def format_datetime(value: datetime, language: str | None = None, zone: str | None = None) -> str:
    """``value`` in ``zone`` (default: the site's), with the language's date format and zone
    name: "9 December 2026, 17:00 CET", "9. prosince 2026 17:00 SEČ"."""
    language = (language or translation.get_language() or "en")[:2]
    local = timezone.localtime(value, zoneinfo.ZoneInfo(zone or settings.TIME_ZONE))
    with translation.override(language):
        text = formats.date_format(local, "DATETIME_FORMAT")
    return f"{text} {zone_abbreviation(local, language)}"
