"""Passwordless sign-in: single-use links that expire, survive GETs, and leak nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from portal.models import SignInRequest, SignInToken
from portal.session import SESSION_KEY
from portal.signin import hash_token
from tests.factories import PersonFactory
from tests.portal.conftest import link_from
from workflows.notifications.models import OutboundEmail

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"portal:{name}", kwargs=kwargs)


def ask_for_link(client, email: str, language: str = "en", ip: str = "192.0.2.1"):
    return client.post(url("sign_in", language), {"email": email}, REMOTE_ADDR=ip)


def test_sign_in_link_works_once(client, person):
    response = ask_for_link(client, "Jana.Novakova@Example.org")
    assert response.status_code == 302
    assert response["Location"] == url("sign_in_sent")

    email = OutboundEmail.objects.get(to=person.email)
    match = link_from(email.body_text)
    path = match.group(1)
    token = match.group("token")
    stored = SignInToken.objects.get(person=person)
    assert stored.token_hash == hash_token(token)
    assert token not in stored.token_hash  # only the hash is kept

    response = client.post(path)
    assert response.status_code == 302
    assert response["Location"] == url("dashboard")
    assert client.session[SESSION_KEY] == person.pk
    assert client.get(url("dashboard")).status_code == 200

    other = client.__class__()
    response = other.post(path)
    assert response.status_code == 410
    assert SESSION_KEY not in other.session


def test_get_on_the_link_does_not_consume_it(client, person):
    ask_for_link(client, person.email)
    path = link_from(OutboundEmail.objects.get(to=person.email).body_text).group(1)

    for _ in range(3):  # a mail scanner, a preview, the person
        response = client.get(path)
        assert response.status_code == 200
        assert b'id="sign-in-confirm"' in response.content
    assert SignInToken.objects.get(person=person).used_at is None
    assert SESSION_KEY not in client.session

    assert client.post(path).status_code == 302
    assert client.session[SESSION_KEY] == person.pk


def test_link_expires_after_10_minutes(client, person):
    ask_for_link(client, person.email)
    path = link_from(OutboundEmail.objects.get(to=person.email).body_text).group(1)
    SignInToken.objects.filter(person=person).update(
        created_at=timezone.now() - timedelta(minutes=10, seconds=1)
    )

    assert client.get(path).status_code == 410
    response = client.post(path)
    assert response.status_code == 410
    assert SESSION_KEY not in client.session
    assert SignInToken.objects.get(person=person).used_at is None


def test_link_still_works_just_before_expiry(client, person):
    ask_for_link(client, person.email)
    path = link_from(OutboundEmail.objects.get(to=person.email).body_text).group(1)
    SignInToken.objects.filter(person=person).update(
        created_at=timezone.now() - timedelta(minutes=9)
    )
    assert client.post(path).status_code == 302


def test_unknown_and_known_addresses_get_the_same_answer(client, person):
    known = ask_for_link(client, person.email, ip="192.0.2.10")
    unknown = ask_for_link(client, "nobody@example.org", ip="192.0.2.11")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]

    sent_known = client.get(known["Location"])
    sent_unknown = client.get(unknown["Location"])
    assert sent_known.content == sent_unknown.content

    # Both were counted; only the real applicant got a link.
    assert SignInRequest.objects.count() == 2
    assert OutboundEmail.objects.count() == 1
    assert not OutboundEmail.objects.filter(to="nobody@example.org").exists()


def test_an_address_over_its_limit_gets_the_same_answer_and_no_more_email(client, person, settings):
    settings.PORTAL_SIGN_IN_LIMITS = {"per_address": 2, "per_ip": 100, "window_minutes": 10}
    for number in range(2):
        assert ask_for_link(client, person.email, ip=f"192.0.2.{number}").status_code == 302

    response = ask_for_link(client, person.email, language="cs", ip="198.51.100.7")
    assert response.status_code == 302  # the same answer: no hint, no lock-out message
    assert OutboundEmail.objects.count() == 2

    # An unknown address is treated the same way (no hint of who has applied).
    for _ in range(2):
        ask_for_link(client, "nobody@example.org")
    assert ask_for_link(client, "nobody@example.org").status_code == 302


def test_rate_limit_per_ip_refuses_with_a_translated_message(client, settings):
    settings.PORTAL_SIGN_IN_LIMITS = {"per_address": 100, "per_ip": 3, "window_minutes": 60}
    for number in range(3):
        assert ask_for_link(client, f"someone{number}@example.org").status_code == 302

    response = ask_for_link(client, "someone-else@example.org", language="de")
    assert response.status_code == 429
    assert "Von Ihrem Netzwerk wurden zu viele Anmeldelinks" in response.content.decode()
    # Another network is not affected.
    assert ask_for_link(client, "someone-else@example.org", ip="203.0.113.5").status_code == 302


def test_old_requests_leave_the_window(client, person, settings):
    settings.PORTAL_SIGN_IN_LIMITS = {"per_address": 1, "per_ip": 100, "window_minutes": 10}
    assert ask_for_link(client, person.email).status_code == 302
    assert ask_for_link(client, person.email).status_code == 302
    assert OutboundEmail.objects.count() == 1
    SignInRequest.objects.update(created_at=timezone.now() - timedelta(minutes=11))
    assert ask_for_link(client, person.email).status_code == 302
    assert OutboundEmail.objects.count() == 2


@pytest.mark.parametrize(
    ("language", "subject", "phrase"),
    [
        ("cs", "Váš přihlašovací odkaz do careerSTEPS", "Odkaz funguje jednou a 10 minut."),
        (
            "de",
            "Ihr Anmeldelink für careerSTEPS",
            "Der Link funktioniert einmal und 10 Minuten lang.",
        ),
        ("en", "Your careerSTEPS sign-in link", "The link works once and for 10 minutes."),
    ],
)
def test_sign_in_email_is_in_the_persons_language(client, language, subject, phrase):
    person = PersonFactory(preferred_language=language)
    # Asked for from the English site: the email still follows the person's language.
    ask_for_link(client, person.email, language="en")
    email = OutboundEmail.objects.get(to=person.email)
    assert email.language == language
    assert email.subject == subject
    assert phrase in email.body_text
    assert link_from(email.body_text).group("lang") == language


def test_using_a_link_retires_the_other_links(client, person):
    ask_for_link(client, person.email)
    ask_for_link(client, person.email)
    first, second = (
        link_from(email.body_text).group(1)
        for email in OutboundEmail.objects.filter(to=person.email).order_by("pk")
    )
    assert client.post(second).status_code == 302
    assert client.__class__().post(first).status_code == 410


def test_sign_out(client, person):
    ask_for_link(client, person.email)
    client.post(link_from(OutboundEmail.objects.get(to=person.email).body_text).group(1))
    assert client.get(url("dashboard")).status_code == 200

    response = client.post(url("sign_out"))
    assert response.status_code == 302
    assert SESSION_KEY not in client.session
    response = client.get(url("dashboard"))
    assert response.status_code == 302
    assert response["Location"] == url("sign_in")


def test_sign_out_needs_a_post(client):
    assert client.get(url("sign_out")).status_code == 405


def test_invalid_email_is_an_error_at_the_field(client):
    response = client.post(url("sign_in", "de"), {"email": "not-an-address"})
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'value="not-an-address"' in response.content.decode()
    assert SignInRequest.objects.count() == 0
