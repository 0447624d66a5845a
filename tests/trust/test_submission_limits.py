"""Refused submissions' files are purged within the hour, by a quarter-hourly schedule."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.utils import timezone

from applications.maintenance import purge_stale_drafts
from applications.models import Upload
from tests.applications.conftest import pdf_upload, valid_answers

pytestmark = pytest.mark.django_db


def test_a_refused_submissions_file_is_purged_within_the_hour(client, mentee_form, institutions):
    data = {**valid_answers("mentee", institutions["uwb"]), "faculty": "", "cv": pdf_upload()}
    assert client.post(mentee_form.url, data).status_code == 422
    kept = Upload.objects.get()
    assert kept.application_id is None
    path = kept.file.path
    assert purge_stale_drafts(now=timezone.now() + timedelta(minutes=30))["uploads"] == 0
    assert purge_stale_drafts(now=timezone.now() + timedelta(minutes=61))["uploads"] == 1
    assert not os.path.exists(path) and not Upload.objects.exists()


def test_the_purge_runs_every_quarter_hour():
    from django_q.models import Schedule

    schedule = Schedule.objects.get(name="careersteps-applications-purge-drafts")
    assert schedule.cron == "*/15 * * * *"
