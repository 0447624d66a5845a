"""The events feed per language (/en/events/feed.ics …): valid iCalendar, each event in its own
time zone with a VTIMEZONE for it, titles in the feed's language, one UID across languages."""

import pytest
from icalendar import Calendar

from tests.site.conftest import marked


def feed(client, site_tree, code: str) -> Calendar:
    index = site_tree.page("events_index", code)
    response = client.get(index.get_url() + "feed.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_feed_parses_and_has_each_events_time_zone(client, site_tree):
    calendar = feed(client, site_tree, "en")

    events = {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {
        "Kick-off workshop",
        "Online meeting with doctoral students",
        "Pilot conference",
    }
    timezones = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert timezones == {"Europe/Berlin", "America/New_York", "Europe/Prague"}

    webinar = site_tree.page("webinar")
    start = events["Online meeting with doctoral students"]["DTSTART"]
    assert start.params["TZID"] == "America/New_York"
    assert start.dt == webinar.starts_at  # the same instant
    assert str(start.dt.tzinfo) == "America/New_York"
    assert events["Kick-off workshop"]["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert "meet.example.org" in str(events["Online meeting with doctoral students"]["LOCATION"])


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["cs", "de"])
def test_feed_is_in_the_index_pages_language_with_stable_uids(client, site_tree, code):
    english = {
        str(e["UID"]): str(e["SUMMARY"]) for e in feed(client, site_tree, "en").walk("VEVENT")
    }
    translated = {
        str(e["UID"]): str(e["SUMMARY"]) for e in feed(client, site_tree, code).walk("VEVENT")
    }

    assert set(translated) == set(english)
    for uid, summary in translated.items():
        assert summary == marked(english[uid], code)


@pytest.mark.django_db
def test_index_page_links_its_own_feed(client, site_tree):
    for code in ("en", "cs", "de"):
        html = client.get(site_tree.page("events_index", code).get_url()).content.decode()
        assert f'href="/{code}/events/feed.ics"' in html
