"""The data migration gives every application that consented on its form (before consent
records existed) its "application" consent record, once."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from applications.models import Application
from consents.models import ConsentRecord
from tests.applications.conftest import accept_received, pdf_upload, valid_answers

pytestmark = pytest.mark.django_db


def answers(role: str, institutions, **kwargs) -> dict:
    return {**valid_answers(role, institutions["uwb"], **kwargs), "cv": pdf_upload()}


backfill = importlib.import_module("consents.migrations.0002_backfill_application_consents")


def test_backfill_records_the_stored_consent_once(client, mentee_form, mentor_form, institutions):
    client.post(mentee_form.url, answers("mentee", institutions))
    client.post(mentor_form.url, answers("mentor", institutions, email="m@example.cz"))
    assert accept_received() == 2
    applications = list(Application.objects.select_related("profile"))
    assert len(applications) == 2
    without_consent = applications[1]
    stored = {k: v for k, v in without_consent.answers.items() if k != "privacy_consent"}
    Application.objects.filter(pk=without_consent.pk).update(answers=stored)
    ConsentRecord.objects.all().delete()  # as before consent records existed

    backfill.backfill(apps, None)
    backfill.backfill(apps, None)

    record = ConsentRecord.objects.get()
    consented = applications[0]
    assert record.application_id == consented.pk
    assert record.person_id == consented.person_id
    assert (record.purpose, record.granted, record.source) == ("application", True, "import")
    assert record.notice_version == consented.profile.privacy_notice_version == "2026-09"
    assert record.recorded_at == consented.profile.consented_at
