"""Drafts and unsubmitted files are forgotten after their lifetime; submitted files are kept."""

from __future__ import annotations

import os
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from applications.maintenance import purge_stale_drafts
from applications.models import Draft, Upload
from applications.services import keep_upload
from tests.applications.conftest import pdf_upload, valid_answers


@pytest.mark.django_db
def test_stale_drafts_and_pending_uploads_are_purged(client, mentee_form, institutions):
    data = {**valid_answers("mentee", institutions["uwb"]), "cv": pdf_upload()}
    assert client.post(mentee_form.url, data).status_code == 302
    submitted = Upload.objects.get()

    old_draft = Draft.objects.create(form_page=mentee_form, language="en")
    draft_file = keep_upload(pdf_upload(), "cv", old_draft)
    fresh_draft = Draft.objects.create(form_page=mentee_form, language="en")
    pending = keep_upload(pdf_upload(), "cv")
    later = timezone.now() + timedelta(days=91)
    Draft.objects.filter(pk=fresh_draft.pk).update(updated_at=later - timedelta(days=1))

    paths = [draft_file.file.path, pending.file.path]
    assert purge_stale_drafts(now=later) == {"drafts": 1, "uploads": 2}
    assert list(Draft.objects.all()) == [fresh_draft]
    assert list(Upload.objects.all()) == [submitted]
    assert not any(os.path.exists(path) for path in paths)
    assert os.path.exists(submitted.file.path)
    assert purge_stale_drafts(now=later) == {"drafts": 0, "uploads": 0}  # safe to run twice


@pytest.mark.django_db
def test_an_expired_draft_link_is_404(client, mentee_form):
    draft = Draft.objects.create(form_page=mentee_form, language="en")
    Draft.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - timedelta(days=91))
    assert client.get(f"/en/applications/drafts/{draft.token}/").status_code == 404


@pytest.mark.django_db
def test_the_command_runs(capsys):
    call_command("purge_application_drafts")
    assert "Deleted 0 drafts" in capsys.readouterr().out
