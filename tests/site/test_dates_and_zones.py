"""Dates, times and zones in each language's conventions: English as en-GB (day first,
24-hour clock), zone names as Czech (SEČ), German (MEZ) and English (CET) readers write them."""

import datetime as dt
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import translation

from base.zones import format_datetime, zone_label

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
WINTER = dt.datetime(2026, 12, 9, 17, 0, tzinfo=PRAGUE)
SUMMER = dt.datetime(2027, 6, 9, 17, 0, tzinfo=PRAGUE)


def test_english_dates_render_in_british_style():
    with translation.override("en"):
        text = Template('{{ when|date:"DATETIME_FORMAT" }} {{ when|date:"DATE_FORMAT" }}').render(
            Context({"when": WINTER})
        )
    assert text == "9 December 2026, 17:00 9 December 2026"
    assert "p.m." not in text and "Dec." not in text


@pytest.mark.parametrize(
    ("language", "winter", "summer"),
    [("en", "CET", "CEST"), ("cs", "SEČ", "SELČ"), ("de", "MEZ", "MESZ")],
)
def test_zone_names_follow_the_language(language, winter, summer):
    assert format_datetime(WINTER, language).endswith(f" 17:00 {winter}")
    assert format_datetime(SUMMER, language).endswith(f" 17:00 {summer}")


def test_zone_labels_are_localized_places():
    assert zone_label("Europe/Prague", "cs", WINTER).startswith("Praha – Česko")
    assert zone_label("Europe/Prague", "de", WINTER).startswith("Prag – Tschechien")
    assert zone_label("America/New_York", "en", WINTER) == "New York – United States (UTC-05:00)"


@pytest.mark.django_db
@pytest.mark.parametrize(("code", "names"), [("cs", {"SEČ", "SELČ"}), ("de", {"MEZ", "MESZ"})])
def test_cohort_and_event_pages_name_the_zone_in_the_readers_language(
    client, site_tree, code, names
):
    for key in ("cohort", "workshop"):
        html = client.get(site_tree.page(key, code).url).content.decode()
        assert any(f"({name}" in html for name in names), key
        assert "(CET" not in html and "(CEST" not in html
