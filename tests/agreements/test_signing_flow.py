"""The whole flow through the services: draft, issue, sign in order, seal; refusals with reasons."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from workflows.agreements import permissions, services
from workflows.agreements.lifecycle import ACTIVE, ISSUED, SIGNING, VOID
from workflows.agreements.models import Agreement, SigningEvent
from workflows.agreements.sealing import verify
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionRefused

pytestmark = pytest.mark.django_db


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def issued(match, coordinator) -> Agreement:
    agreement = services.create_draft(match, Actor(user=coordinator))
    services.issue(agreement, Actor(user=coordinator))
    agreement.refresh_from_db()
    return agreement


def sign(agreement, role, actor, name=None, sha=None):
    person = actor.person
    return services.sign(
        agreement,
        role,
        actor,
        typed_name=name or (person.full_name if person else "Eva Nováková"),
        shown_sha256=sha or agreement.issued_sha256,
        method="portal_link" if person else "staff_login",
    )


def parties(match):
    return (
        Actor(person=match.mentee_application.person, ip="192.0.2.7", user_agent="UA mentee"),
        Actor(person=match.mentor_application.person, ip="192.0.2.8", user_agent="UA mentor"),
    )


def test_draft_is_tailored_in_both_languages_mentee_first(match):
    agreement = services.create_draft(match, Actor.system())
    assert agreement.languages == ["de", "cs"]
    assert "Jürgen Groß" in agreement.draft_text["de"][0]["body"]
    assert "Řehoř Šťastný" in agreement.draft_text["cs"][0]["body"]
    assert "Habilitation vorbereiten" in agreement.draft_text["cs"][1]["body"]


def test_issuing_is_refused_while_a_placeholder_is_unresolved(match, coordinator):
    match.mentee_application.profile.goals = ""
    match.mentee_application.profile.save()
    agreement = services.create_draft(match, Actor(user=coordinator))
    with pytest.raises(TransitionRefused, match="mentee_goals"):
        services.issue(agreement, Actor(user=coordinator))
    agreement.refresh_from_db()
    assert agreement.state == "draft"


def test_full_signing_run_renders_once_and_seals(match, coordinator, run_tasks_inline):
    agreement = issued(match, coordinator)
    assert agreement.state == ISSUED and len(agreement.issued_sha256) == 64
    first_bytes = bytes(agreement.issued_pdf)
    text = text_of(first_bytes)
    for expected in ("Jürgen Groß", "Řehoř Šťastný", "Vertraulichkeit", "Důvěrnost"):
        assert expected in text
    assert permissions.still_to_sign(agreement) == ["mentee", "mentor", "coordinator"]

    mentee, mentor = parties(match)
    sign(agreement, "mentee", mentee)
    assert agreement.state == SIGNING
    sign(agreement, "mentor", mentor)
    assert permissions.still_to_sign(agreement) == ["coordinator"]
    sign(agreement, "coordinator", Actor(user=coordinator, ip="192.0.2.9"))
    agreement.refresh_from_db()
    assert agreement.state == ACTIVE
    assert bytes(agreement.issued_pdf) == first_bytes
    sealed = bytes(agreement.sealed_pdf)
    assert verify(sealed).ok
    final_text = text_of(sealed)
    assert (
        "Certificate of completion" in final_text
        or "Zertifikat" in final_text
        or "192.0.2.7" in final_text
    )
    assert "192.0.2.8" in final_text and agreement.issued_sha256 in final_text.replace("\n", "")
    # Running the tasks again stores nothing new.
    services.ensure_issued_pdf(agreement)
    services.ensure_sealed(agreement)
    agreement.refresh_from_db()
    assert bytes(agreement.sealed_pdf) == sealed


def test_out_of_order_twice_and_stale_text_are_refused_with_reasons(
    match, coordinator, run_tasks_inline
):
    agreement = issued(match, coordinator)
    mentee, mentor = parties(match)
    with pytest.raises(TransitionRefused, match="signs first"):
        sign(agreement, "mentor", mentor)
    with pytest.raises(TransitionRefused, match="changed"):
        sign(agreement, "mentee", mentee, sha="0" * 64)
    with pytest.raises(TransitionRefused, match="full name"):
        sign(agreement, "mentee", mentee, name="Juergen Gross")
    sign(agreement, "mentee", mentee)
    with pytest.raises(TransitionRefused, match="already signed"):
        sign(agreement, "mentee", mentee)
    assert SigningEvent.objects.filter(agreement=agreement).count() == 1
    with pytest.raises(TransitionRefused, match="no longer reject"):
        services.reject(agreement, "mentee", mentee, "changed my mind")


def test_a_stranger_cannot_sign(match, coordinator, run_tasks_inline):
    from tests.factories import PersonFactory

    agreement = issued(match, coordinator)
    stranger = PersonFactory(full_name="Jürgen Groß")
    with pytest.raises(TransitionRefused):
        sign(agreement, "mentee", Actor(person=stranger))


def test_reject_then_void_creates_a_linked_new_version(match, coordinator, run_tasks_inline):
    agreement = issued(match, coordinator)
    mentee, mentor = parties(match)
    sign(agreement, "mentee", mentee)
    services.reject(agreement, "mentor", mentor, "Die Ziele fehlen.")
    agreement.refresh_from_db()
    assert agreement.state == "rejected"
    other = services.create_draft(match, Actor(user=coordinator))
    successor = services.void(other, Actor(user=coordinator), "Neue Fassung")
    other.refresh_from_db()
    assert other.state == VOID and successor.previous_version == other
    assert successor.version == other.version + 1 and successor.state == "draft"


def test_signing_events_are_append_only(match, coordinator, run_tasks_inline):
    agreement = issued(match, coordinator)
    event = sign(agreement, "mentee", parties(match)[0])
    assert event.ip_address == "192.0.2.7" and event.user_agent == "UA mentee"
    assert event.pdf_sha256 == agreement.issued_sha256 and event.consent_version
    event.typed_name = "someone else"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
