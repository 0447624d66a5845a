"""iCalendar export of events, in each event's own time zone (with VTIMEZONE components)."""

from django.http import HttpRequest
from django.utils import timezone
from icalendar import Calendar, Event


def build_calendar(index_page, events, request: HttpRequest | None = None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//careerSTEPS//events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"careerSTEPS – {index_page.title}")
    calendar.add("x-wr-timezone", "Europe/Prague")
    for event_page in events:
        calendar.add_component(build_event(event_page, request))
    calendar.add_missing_timezones()
    return calendar


def build_event(event_page, request: HttpRequest | None = None) -> Event:
    event = Event()
    # The UID follows the translation key, so a calendar app sees the same event in any language.
    event.add("uid", f"{event_page.translation_key}@careersteps")
    event.add("summary", event_page.title)
    event.add("dtstart", event_page.local_starts_at)
    event.add("dtend", event_page.local_ends_at)
    event.add("dtstamp", event_page.last_published_at or timezone.now())
    event.add("categories", [event_page.get_event_type_display()])
    if event_page.introduction:
        event.add("description", event_page.introduction)
    location = ", ".join(part for part in (event_page.venue, event_page.address) if part)
    if location:
        event.add("location", location)
    elif event_page.online_url:
        event.add("location", event_page.online_url)
    url = event_page.get_full_url(request=request)
    if url:
        event.add("url", url)
    return event
