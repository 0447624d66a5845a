"""Sign-in links: ten minutes, single use, and no stranger can lock a person out.

A stranger who asks for someone's address over and over neither learns anything from the
answers nor stops that person from getting a link from their own network.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from portal.models import TOKEN_LIFETIME, SignInToken
from portal.session import SESSION_KEY
from tests.factories import PersonFactory
from tests.portal.conftest import link_from
from workflows.notifications.models import OutboundEmail

pytestmark = pytest.mark.django_db

STRANGER, PERSON = "203.0.113.66", "198.51.100.20"


def ask(client, email: str, ip: str):
    with translation.override("en"):
        path = reverse("portal:sign_in")
    return client.post(path, {"email": email}, REMOTE_ADDR=ip)


@pytest.fixture
def person(db):
    return PersonFactory(email="jana@example.org")


def test_links_live_ten_minutes():
    assert timedelta(minutes=10) == TOKEN_LIFETIME


def test_a_link_older_than_ten_minutes_does_not_sign_in(client, person):
    ask(client, person.email, PERSON)
    path = link_from(OutboundEmail.objects.get().body_text).group(1)
    SignInToken.objects.update(created_at=timezone.now() - timedelta(minutes=10, seconds=1))
    assert client.post(path).status_code == 410
    assert SESSION_KEY not in client.session


def test_a_used_link_cannot_be_replayed(client, person):
    ask(client, person.email, PERSON)
    path = link_from(OutboundEmail.objects.get().body_text).group(1)
    assert client.post(path).status_code == 302
    client.logout()
    assert client.post(path).status_code == 410
    assert SESSION_KEY not in client.session


def test_a_stranger_cannot_lock_a_person_out(client, person):
    answers = {ask(client, person.email, STRANGER).status_code for _ in range(8)}
    assert answers == {302}  # always the same answer, never "too many for this address"
    stranger_emails = OutboundEmail.objects.count()
    assert stranger_emails <= 3  # the mailbox is not flooded from one network
    # The person, from their own network, still gets a link right away.
    assert ask(client, person.email, PERSON).status_code == 302
    assert OutboundEmail.objects.count() == stranger_emails + 1


def test_answers_are_the_same_for_an_address_over_its_limit_and_an_unknown_one(client, person):
    for _ in range(5):
        ask(client, person.email, STRANGER)
    over_limit = ask(client, person.email, STRANGER)
    unknown = ask(client, "nobody@example.org", STRANGER)
    assert over_limit.status_code == unknown.status_code == 302
    assert over_limit["Location"] == unknown["Location"]
