"""Portal pages and downloads: the parties only (everyone else 404); signing in the portal;
the public verification page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.agreements.conftest import portal_client
from tests.factories import ApplicationFactory, PersonFactory, UserFactory
from workflows.agreements import services
from workflows.agreements.models import SigningEvent
from workflows.engine.actors import Actor
from workflows.roles import REVIEWERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def sealed_agreement(match, coordinator, run_tasks_inline):
    agreement = services.create_draft(match, Actor(user=coordinator))
    services.issue(agreement, Actor(user=coordinator))
    agreement.refresh_from_db()
    for role, person in (
        ("mentee", match.mentee_application.person),
        ("mentor", match.mentor_application.person),
    ):
        services.sign(
            agreement,
            role,
            Actor(person=person),
            typed_name=person.full_name,
            shown_sha256=agreement.issued_sha256,
            method="portal_link",
        )
    services.sign(
        agreement,
        "coordinator",
        Actor(user=coordinator),
        typed_name="Eva Nováková",
        shown_sha256=agreement.issued_sha256,
        method="staff_login",
    )
    agreement.refresh_from_db()
    return agreement


def urls(agreement):
    return [
        reverse("agreements:detail", args=[agreement.pk]),
        reverse("agreements:issued_pdf", args=[agreement.pk]),
        reverse("agreements:sealed_pdf", args=[agreement.pk]),
    ]


def test_both_parties_download_the_sealed_pdf(client, sealed_agreement, match):
    for person in (match.mentee_application.person, match.mentor_application.person):
        response = portal_client(client, person).get(
            reverse("agreements:sealed_pdf", args=[sealed_agreement.pk])
        )
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content == bytes(sealed_agreement.sealed_pdf)


def test_a_stranger_another_pairs_mentee_and_a_reviewer_get_404(client, sealed_agreement, match):
    from tests.agreements.conftest import make_match

    other_pair = make_match(
        mentee=PersonFactory(full_name="Anna Mentee"), mentor=PersonFactory(full_name="Max Mentor")
    )
    others = [PersonFactory(), other_pair.mentee_application.person]
    for person in others:
        portal_client(client, person)
        for url in urls(sealed_agreement):
            assert client.get(url).status_code == 404, url
    reviewer = UserFactory(groups=[REVIEWERS])
    client.logout()
    client.force_login(reviewer)
    for url in urls(sealed_agreement):
        assert client.get(url).status_code in (302, 404), url
        assert client.get(url).status_code != 200


def test_signing_through_the_portal_records_ip_agent_and_hash(
    client, match, coordinator, run_tasks_inline
):
    agreement = services.create_draft(match, Actor(user=coordinator))
    services.issue(agreement, Actor(user=coordinator))
    agreement.refresh_from_db()
    mentee = match.mentee_application.person
    portal_client(client, mentee)
    page = client.get(reverse("agreements:detail", args=[agreement.pk]), HTTP_ACCEPT_LANGUAGE="de")
    assert agreement.issued_sha256 in page.content.decode()
    response = client.post(
        reverse("agreements:sign", args=[agreement.pk]),
        {"typed_name": "Jürgen Groß", "confirm": "on", "sha256": agreement.issued_sha256},
        REMOTE_ADDR="198.51.100.4",
        HTTP_USER_AGENT="Browser/1.0",
    )
    assert response.status_code == 302
    event = SigningEvent.objects.get(agreement=agreement)
    assert (event.ip_address, event.user_agent, event.method) == (
        "198.51.100.4",
        "Browser/1.0",
        "portal_link",
    )
    again = client.post(
        reverse("agreements:sign", args=[agreement.pk]),
        {"typed_name": "Jürgen Groß", "confirm": "on", "sha256": agreement.issued_sha256},
    )
    assert again.status_code == 400
    assert SigningEvent.objects.filter(agreement=agreement).count() == 1


def test_a_wrong_name_is_a_field_error_and_nothing_is_recorded(
    client, match, coordinator, run_tasks_inline
):
    agreement = services.create_draft(match, Actor(user=coordinator))
    services.issue(agreement, Actor(user=coordinator))
    agreement.refresh_from_db()
    portal_client(client, match.mentee_application.person)
    response = client.post(
        reverse("agreements:sign", args=[agreement.pk]),
        {"typed_name": "Someone", "confirm": "on", "sha256": agreement.issued_sha256},
    )
    assert response.status_code == 400
    assert "field__error" in response.content.decode()
    assert not SigningEvent.objects.exists()


def test_public_page_says_intact_for_the_sealed_pdf_and_not_for_one_changed_byte(
    client, sealed_agreement
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("agreements:verify")
    data = bytes(sealed_agreement.sealed_pdf)
    good = client.post(url, {"document": SimpleUploadedFile("a.pdf", data, "application/pdf")})
    assert 'data-result="intact"' in good.content.decode()
    assert "Jürgen" not in good.content.decode()  # nothing more than when and which roles
    tampered = bytearray(data)
    tampered[len(tampered) // 2] ^= 1
    bad = client.post(url, {"document": SimpleUploadedFile("a.pdf", bytes(tampered))})
    assert 'data-result="not-intact"' in bad.content.decode()
    by_hash = client.post(url, {"sha256": sealed_agreement.sealed_sha256})
    assert 'data-result="intact"' in by_hash.content.decode()
    nonsense = client.post(url, {"sha256": "xyz"})
    assert nonsense.status_code == 400


def test_the_short_url_on_the_pdf_leads_to_the_verification_page(client, sealed_agreement):
    short = f"/v/{sealed_agreement.verification_code}/"
    response = client.get(short, follow=True, HTTP_ACCEPT_LANGUAGE="cs")
    assert response.status_code == 200
    assert 'data-result="intact"' in response.content.decode()
    assert response.redirect_chain[-1][0].startswith("/cs/verify/")


def test_unused_application_person_sees_no_agreements(client):
    person = ApplicationFactory().person
    portal_client(client, person)
    assert client.get(reverse("agreements:list")).status_code == 200
