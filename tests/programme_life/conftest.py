"""A confirmed Czech–German tandem whose programme year is running, and an event page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Locale

from applications.models import ApplicantProfile
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from tests.factories import (
    ApplicationFactory,
    InstitutionFactory,
    PersonFactory,
    make_cohort,
)
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match


def _profile(application, institution, zone="Europe/Prague"):
    return ApplicantProfile.objects.create(
        application=application,
        institution=institution,
        faculty="Faculty",
        programme_or_position="Programme",
        meeting_preference="mixed",
        goals="Prepare a doctorate.",
        timezone=zone,
        privacy_notice_version="1",
        consented_at=timezone.now(),
    )


def make_tandem(cohort=None, *, mentee=None, mentor=None, state="active") -> Match:
    today = timezone.localdate()
    cohort = cohort or make_cohort(
        title=f"Cohort {PersonFactory._meta.model.objects.count()}",
        open_now=False,
        programme_starts_on=today - dt.timedelta(days=60),
        programme_ends_on=today + dt.timedelta(days=120),
    )
    mentee = mentee or PersonFactory(full_name="Jürgen Groß", preferred_language="de")
    mentor = mentor or PersonFactory(full_name="Řehoř Šťastný", preferred_language="cs")
    mentee_app = ApplicationFactory(person=mentee, role="mentee", cohort=cohort, state=state)
    mentor_app = ApplicationFactory(person=mentor, role="mentor", cohort=cohort, state=state)
    _profile(mentee_app, InstitutionFactory(name="OTH Amberg-Weiden"), "Europe/Berlin")
    _profile(mentor_app, InstitutionFactory(name="Západočeská univerzita v Plzni"))
    return Match.objects.create(
        cohort=cohort,
        mentee_application=mentee_app,
        mentor_application=mentor_app,
        state=CONFIRMED,
    )


@pytest.fixture
def tandem(db) -> Match:
    return make_tandem()


@pytest.fixture
def locales(db):
    for code in ("cs", "de"):
        Locale.objects.get_or_create(language_code=code)
    return {locale.language_code: locale for locale in Locale.objects.all()}


def make_event(*, days_ahead: int = 10, title: str = "Workshop in Amberg") -> EventPage:
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    index = EventIndexPage.objects.filter(locale__language_code="en").first()
    if index is None:
        index = home.add_child(instance=EventIndexPage(title="Events", slug="events"))
    start = timezone.now() + dt.timedelta(days=days_ahead)
    event = index.add_child(
        instance=EventPage(
            title=title,
            slug=f"event-{EventPage.objects.count()}-{days_ahead}",
            event_type=EventPage.EventType.WORKSHOP,
            starts_at=start,
            ends_at=start + dt.timedelta(hours=3),
            timezone="Europe/Berlin",
            venue="Amberg campus",
        )
    )
    event.save_revision().publish()
    return event


def portal_client(client, person):
    session = client.session
    session["portal_person_id"] = person.pk
    session.save()
    return client
