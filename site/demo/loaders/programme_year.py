"""Step 98: the pilot's programme year as it ran, November 2023 to July 2024.

For every confirmed pilot tandem (made by the matching step): a meeting log of online
meetings, meetings in person at the University of West Bohemia and at OTH Amberg-Weiden,
written by mentee or mentor, some private, most shared; registrations for the pilot's events
with attendance marked, so attended events appear in each tandem's log. Every entry goes
through the real services with its historical date; nothing is emailed. A tandem that has a
log already is left alone, so a second run changes nothing.
"""

from __future__ import annotations

import datetime
import zoneinfo

from events.models import EventPage
from workflows.engine.actors import Actor
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match
from workflows.programme_life import meetings
from workflows.programme_life.models import EventRegistration, EventSignup, Meeting
from workflows.programme_life.registrations import mark_attendance

from ..context import LoadContext
from .cohorts import pilot

ORDER = 98
PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

#: (date, hour, minutes, mode, place: "mentor"/"mentee" university, author, shared, notes)
#: The notes are the author's own words: the mentee writes German, the mentor Czech.
PLAN = (
    (
        (2023, 11, 20),
        17,
        60,
        Meeting.Mode.ONLINE,
        "",
        "mentee",
        True,
        "Erstes Kennenlernen: Ziele für das Jahr und Termine abgesprochen.",
    ),
    (
        (2023, 12, 13),
        14,
        120,
        Meeting.Mode.IN_PERSON,
        "mentor",
        "mentor",
        True,
        "Prohlídka pracoviště a laboratoří, rozhovor o doktorském studiu.",
    ),
    (
        (2024, 1, 24),
        18,
        45,
        Meeting.Mode.ONLINE,
        "",
        "mentee",
        True,
        "Themen für eine mögliche Doktorarbeit besprochen.",
    ),
    (
        (2024, 2, 21),
        18,
        45,
        Meeting.Mode.ONLINE,
        "",
        "mentor",
        False,
        "Poznámka pro mě: doporučit literaturu a kontakt na školitele.",
    ),
    (
        (2024, 3, 20),
        13,
        90,
        Meeting.Mode.IN_PERSON,
        "mentee",
        "mentee",
        True,
        "Besuch in Amberg: Vorstellung meiner Masterarbeit, Feedback zur Methodik.",
    ),
    (
        (2024, 4, 17),
        18,
        60,
        Meeting.Mode.ONLINE,
        "",
        "mentor",
        True,
        "Příprava žádosti o doktorské studium, struktura motivačního dopisu.",
    ),
    (
        (2024, 6, 12),
        17,
        60,
        Meeting.Mode.ONLINE,
        "",
        "mentee",
        True,
        "Rückblick auf das Jahr und nächste Schritte nach dem Programm.",
    ),
)


def load(context: LoadContext) -> None:
    cohort = pilot()
    tandems = list(
        Match.objects.filter(cohort=cohort, state=CONFIRMED)
        .select_related(
            "mentee_application__person",
            "mentor_application__person",
            "mentee_application__profile",
            "mentor_application__profile",
        )
        .order_by("mentee_application__person__full_name")
    )
    signups = _pilot_signups(cohort, context)
    for index, tandem in enumerate(tandems):
        if tandem.meetings.exists():
            continue
        _log_meetings(tandem, index)
        _attend_events(tandem, index, signups)
        context.record("meeting log", "created", str(tandem))


def _pilot_signups(cohort, context: LoadContext) -> list[EventSignup]:
    """The pilot year's events take registrations (their source-language pages)."""
    events = EventPage.objects.filter(
        locale__language_code="en",
        starts_at__date__gte=cohort.programme_starts_on,
        starts_at__date__lte=cohort.programme_ends_on,
    ).order_by("starts_at")
    signups = []
    for event in events:
        signup, created = EventSignup.objects.get_or_create(
            event=event, defaults={"capacity": 40, "is_open": False}
        )
        if created:
            context.record("event registration", "created", event.title)
        signups.append(signup)
    return signups


def _log_meetings(tandem: Match, index: int) -> None:
    people = {
        "mentee": tandem.mentee_application.person,
        "mentor": tandem.mentor_application.person,
    }
    universities = {
        role: getattr(getattr(app, "profile", None), "institution_id", None)
        for role, app in (
            ("mentee", tandem.mentee_application),
            ("mentor", tandem.mentor_application),
        )
    }
    for number, (day, hour, minutes, mode, place, author, shared, notes) in enumerate(PLAN):
        if number >= 2 and (index + number) % 5 == 0:
            continue  # not every tandem met every month
        zone = BERLIN if author == "mentee" else PRAGUE
        # Tandems met on different days of the same weeks: one day later per tandem.
        starts = datetime.datetime(*day, hour, 0, tzinfo=zone) + datetime.timedelta(days=index % 3)
        institution = universities.get(place) if mode == Meeting.Mode.IN_PERSON else None
        details = meetings.MeetingDetails(
            starts_at=starts,
            timezone=zone.key,
            duration_minutes=minutes,
            mode=mode if institution or mode == Meeting.Mode.ONLINE else Meeting.Mode.ONLINE,
            kind=Meeting.Kind.MEETING,
            visibility=Meeting.Visibility.SHARED if shared else Meeting.Visibility.PRIVATE,
            notes=notes,
            institution_id=institution,
        )
        person = people[author]
        meetings.add_meeting(
            tandem,
            person,
            details,
            Actor(person=person),
            now=starts + datetime.timedelta(minutes=minutes),
        )


def _attend_events(tandem: Match, index: int, signups: list[EventSignup]) -> None:
    people = (tandem.mentee_application.person, tandem.mentor_application.person)
    for number, signup in enumerate(signups):
        event = signup.event
        for side, person in enumerate(people):
            # Most came; every fourth registration of a tandem's side was excused.
            attended = (index + number + side) % 4 != 0
            registration, _created = EventRegistration.objects.get_or_create(
                signup=signup,
                person=person,
                defaults={
                    "state": EventRegistration.State.REGISTERED,
                    "queued_at": event.starts_at - datetime.timedelta(days=14),
                },
            )
            mark_attendance(registration, attended, occurred_at=event.ends_at)
