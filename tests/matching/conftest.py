"""Fixtures of the matching tests: a cohort with accepted mentees (DE) and mentors (CZ)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from applications.models import ApplicantProfile, AvailabilitySlot, Discipline, MentoringLanguage
from tests.factories import (
    ApplicationFactory,
    InstitutionFactory,
    PersonFactory,
    UserFactory,
    english,
    make_cohort,
)
from workflows.roles import COORDINATORS


def discipline(key: str) -> Discipline:
    found, _created = Discipline.objects.get_or_create(
        key=key, locale=english(), defaults={"name": key.replace("-", " ").capitalize()}
    )
    return found


def accepted(
    cohort,
    role: str,
    name: str,
    *,
    institution,
    languages=None,
    disciplines=("mechanical-engineering",),
    capacity=None,
    goals="",
    interests=(),
    slots=((0, 8, 12),),
    timezone_name="Europe/Prague",
    preferred_language="en",
    state="accepted",
):
    person = PersonFactory(
        full_name=name,
        email=f"{name.lower().replace(' ', '.')}@example.org",
        preferred_language=preferred_language,
    )
    application = ApplicationFactory(
        cohort=cohort, role=role, person=person, state=state, language=preferred_language
    )
    profile = ApplicantProfile.objects.create(
        application=application,
        institution=institution,
        faculty=f"Faculty of {name}",
        programme_or_position="Research",
        research_interests=list(interests),
        meeting_preference="mixed",
        timezone=timezone_name,
        goals=goals,
        capacity=capacity,
        privacy_notice_version="test",
        consented_at=timezone.now(),
    )
    profile.disciplines.set([discipline(key) for key in disciplines])
    for language, level in (languages or {"en": "C1"}).items():
        MentoringLanguage.objects.create(application=application, language=language, level=level)
    for weekday, start, end in slots:
        AvailabilitySlot.objects.create(
            application=application,
            weekday=weekday,
            starts_at=datetime.time(start),
            ends_at=datetime.time(end),
        )
    return application


@pytest.fixture
def oth(db):
    return InstitutionFactory(name="OTH Amberg-Weiden", country="DE")


@pytest.fixture
def zcu(db):
    return InstitutionFactory(name="University of West Bohemia", country="CZ")


@pytest.fixture
def cohort(db):
    return make_cohort(title="Cohort M", open_now=False)


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator", groups=[COORDINATORS], email="coord@example.org")


@pytest.fixture
def people(cohort, oth, zcu):
    """Two mentees and two mentors (capacity 1 each), all pairs allowed."""
    return {
        "anna": accepted(cohort, "mentee", "Anna Krüger", institution=oth, preferred_language="de"),
        "lukas": accepted(cohort, "mentee", "Lukas Gross", institution=oth),
        "petr": accepted(
            cohort, "mentor", "Petr Novak", institution=zcu, capacity=1, preferred_language="cs"
        ),
        "jana": accepted(cohort, "mentor", "Jana Dvorakova", institution=zcu, capacity=1),
    }
