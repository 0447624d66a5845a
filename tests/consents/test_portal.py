"""The portal's consents page: a signed-in person sees only their own consents and gives or
withdraws the optional ones with a CSRF-protected POST; the application consent is ended by
asking for erasure, not here."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from consents.models import ConsentRecord
from consents.purposes import APPLICATION, EVALUATION, PHOTOS
from consents.services import record_consent
from tests.consents.conftest import portal_client
from tests.factories import PersonFactory
from workflows.engine.actors import Actor
from workflows.engine.models import HistoryEntry

pytestmark = pytest.mark.django_db

URL = "/en/portal/consents/"


def csrf_token(client: Client) -> str:
    body = client.get(URL).content.decode()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1)


def give(person, purpose, version):
    return record_consent(
        person, purpose, granted=True, notice_version=version, source="form", actor=Actor.system()
    )


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:sign_in")


def test_the_person_sees_their_own_consents_and_no_one_elses(privacy_notice):
    me, other = PersonFactory(), PersonFactory()
    give(me, APPLICATION, "2026-09")
    give(other, APPLICATION, "OTHER-77")
    give(other, PHOTOS, "OTHER-77")
    body = portal_client(me).get(URL).content.decode()
    assert 'id="consent-application"' in body and 'data-state="given"' in body
    assert "2026-09" in body
    assert "OTHER-77" not in body
    assert body.count('data-state="none"') == 4  # the optional purposes, never answered


def test_withdrawing_and_giving_an_optional_purpose(privacy_notice):
    person = PersonFactory()
    client = portal_client(person)
    token = csrf_token(client)
    client.post(URL, {"purpose": EVALUATION, "action": "give", "csrfmiddlewaretoken": token})
    client.post(URL, {"purpose": EVALUATION, "action": "give", "csrfmiddlewaretoken": token})
    response = client.post(
        URL, {"purpose": EVALUATION, "action": "withdraw", "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    rows = list(ConsentRecord.objects.filter(person=person).values_list("granted", "source"))
    assert rows == [(True, "portal"), (False, "portal")]  # the second "give" changed nothing
    assert ConsentRecord.objects.filter(person=person).first().notice_version == "2026-09"
    audit = HistoryEntry.objects.filter(machine="consent").last()
    assert audit.actor_label == str(person) and audit.to_state == "withdrawn"
    body = client.get(URL).content.decode()
    assert re.search(r'id="consent-evaluation"[^>]*data-state="withdrawn"', body)


def test_a_post_without_the_csrf_token_is_refused(privacy_notice):
    person = PersonFactory()
    response = portal_client(person).post(URL, {"purpose": EVALUATION, "action": "give"})
    assert response.status_code == 403
    assert not ConsentRecord.objects.exists()


def test_the_application_consent_cannot_be_withdrawn_here(privacy_notice):
    person = PersonFactory()
    give(person, APPLICATION, "2026-09")
    client = portal_client(person)
    token = csrf_token(client)
    response = client.post(
        URL,
        {"purpose": APPLICATION, "action": "withdraw", "csrfmiddlewaretoken": token},
        follow=True,
    )
    assert "erase your data" in response.content.decode()
    assert list(ConsentRecord.objects.values_list("granted", flat=True)) == [True]


@pytest.mark.parametrize(
    ("purpose", "action"), [(EVALUATION, "maybe"), ("marketing", "give"), ("", "")]
)
def test_junk_is_refused_without_a_record(privacy_notice, purpose, action):
    client = portal_client(PersonFactory())
    token = csrf_token(client)
    response = client.post(
        URL, {"purpose": purpose, "action": action, "csrfmiddlewaretoken": token}
    )
    assert response.status_code in {302, 400}
    assert not ConsentRecord.objects.exists()


def test_the_page_speaks_czech_and_german(privacy_notice):
    person = PersonFactory()
    give(person, APPLICATION, "2026-09")
    client = portal_client(person, csrf=False)
    for language in ("cs", "de"):
        response = client.get(f"/{language}/portal/consents/")
        assert response.status_code == 200
        assert f'lang="{language}"' in response.content.decode()
