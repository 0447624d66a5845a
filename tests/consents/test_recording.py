"""The application form records the consent to processing, with the notice version it showed,
in the same transaction as the application; the record is audited in the history chain."""

from __future__ import annotations

import pytest

from applications.models import Application, ReceivedSubmission
from consents.models import ConsentRecord
from consents.purposes import APPLICATION, EVALUATION
from consents.services import current_consents, record_consent, withdrawn_person_ids
from tests.applications.conftest import accept_received, pdf_upload, valid_answers
from tests.factories import PersonFactory
from workflows.engine.actors import Actor
from workflows.engine.models import HistoryEntry

pytestmark = pytest.mark.django_db


def answers(role: str, institutions, **kwargs) -> dict:
    return {**valid_answers(role, institutions["uwb"], **kwargs), "cv": pdf_upload()}


def test_a_submitted_application_records_its_consent_with_the_notice_version_shown(
    client, mentee_form, institutions
):
    response = client.post(mentee_form.url, answers("mentee", institutions))
    assert response.status_code == 302
    assert ReceivedSubmission.objects.get().privacy_notice_version == "2026-09"
    assert not ConsentRecord.objects.exists()  # recorded with the application, by the worker
    assert accept_received() == 1
    application = Application.objects.get()
    record = ConsentRecord.objects.get()
    assert (record.person, record.purpose) == (application.person, APPLICATION)
    assert record.granted is True
    assert record.notice_version == "2026-09"
    assert record.source == ConsentRecord.Source.FORM
    assert record.application == application
    audit = HistoryEntry.objects.get(machine="consent")
    assert (audit.object_id, audit.transition, audit.to_state) == (str(record.pk), "give", "given")


def test_a_form_answered_under_an_older_notice_records_nothing(client, mentee_form, institutions):
    data = {**answers("mentee", institutions), "privacy_notice_version": "2025-01"}
    response = client.post(mentee_form.url, data)
    assert response.status_code == 422  # asked to agree to the current notice
    assert not ReceivedSubmission.objects.exists()
    assert not Application.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_records_are_append_only_and_the_latest_one_is_the_current_state():
    person = PersonFactory()
    first = record_consent(
        person, EVALUATION, granted=True, notice_version="1", source="portal", actor=Actor.system()
    )
    record_consent(
        person, EVALUATION, granted=False, notice_version="1", source="portal", actor=Actor.system()
    )
    first.granted = False
    with pytest.raises(TypeError):
        first.save()
    with pytest.raises(TypeError):
        ConsentRecord.objects.filter(pk=first.pk).update(granted=False)
    state = {s.purpose.key: s for s in current_consents(person)}
    assert state[EVALUATION].withdrawn and not state[EVALUATION].granted
    assert state[APPLICATION].record is None
    assert withdrawn_person_ids(EVALUATION, [person.pk, PersonFactory().pk]) == {person.pk}
    assert list(
        HistoryEntry.objects.filter(machine="consent").values_list("from_state", "to_state")
    ) == [("", "given"), ("given", "withdrawn")]


def test_an_unknown_purpose_is_refused():
    with pytest.raises(ValueError):
        record_consent(
            PersonFactory(),
            "marketing",
            granted=True,
            notice_version="1",
            source="portal",
            actor=Actor.system(),
        )
