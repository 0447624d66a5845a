"""Fixtures of the consent tests: the applications' form fixtures, and a signed-in portal."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.applications.conftest import (  # noqa: F401 - pytest fixtures
    cohort,
    disciplines,
    institutions,
    mentee_form,
    mentor_form,
    privacy_notice,
)


@pytest.fixture(autouse=True)
def no_timing_floor(settings):
    settings.PORTAL_SIGN_IN_MIN_SECONDS = 0


def portal_client(person, *, csrf: bool = True) -> Client:
    """A client signed in to the portal as ``person`` (CSRF checks on, as in a browser)."""
    client = Client(enforce_csrf_checks=csrf)
    session = client.session
    session["portal_person_id"] = person.pk
    session.save()
    return client
