"""Fixtures of the portal tests: applicants, their applications, a signed-in browser."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.factories import ApplicationFactory, PersonFactory, make_cohort

LINK = re.compile(r"https?://[^/\s]+(/(?P<lang>[a-z]{2})/portal/sign-in/(?P<token>[^/\s]+)/)")


@pytest.fixture(autouse=True)
def no_timing_floor(settings):
    """The sign-in request waits for a minimum time in production; tests need not."""
    settings.PORTAL_SIGN_IN_MIN_SECONDS = 0


@pytest.fixture
def cohort(db):
    return make_cohort(title="Cohort 2026/27")


@pytest.fixture
def person(db):
    return PersonFactory(email="jana.novakova@example.org", full_name="Jana Nováková")


@pytest.fixture
def application(person, cohort):
    return ApplicationFactory(person=person, cohort=cohort)


def signed_in_client(person) -> Client:
    """A client whose session holds ``person``, as after using a sign-in link."""
    client = Client()
    session = client.session
    session["portal_person_id"] = person.pk
    session.save()
    return client


def link_from(body: str) -> re.Match:
    match = LINK.search(body)
    assert match, body
    return match
