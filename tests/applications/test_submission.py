"""Submitting: an application in state ``submitted`` with its history, typed profile and a
confirmation email in the applicant's language, sent once, even without a running worker.

The form's POST stores the answers and the worker creates the application (test_acceptance);
``accept_received`` does here what the worker does."""

from __future__ import annotations

from datetime import time

import pytest
from django.core import mail
from django_q.models import OrmQ

from applications.models import Application, Person, ReceivedSubmission, Upload
from consents.models import ConsentRecord
from tests.applications.conftest import accept_received, pdf_upload, valid_answers
from workflows.engine.models import HistoryEntry
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import send_outbound_email


def post(client, page, data):
    return client.post(page.url, {**data, "cv": pdf_upload()})


@pytest.mark.django_db
def test_submission_creates_a_typed_application(client, mentee_form, cohort, institutions):
    response = post(client, mentee_form, valid_answers("mentee", institutions["uwb"]))
    assert response.status_code == 302
    assert accept_received() == 1
    application = Application.objects.get()
    assert application.state == "submitted"
    assert application.cohort == cohort and application.role == "mentee"
    assert application.person.email == "jana.novakova@example.cz"
    assert application.person.preferred_language == "cs"
    history = HistoryEntry.objects.get(machine="application", object_id=str(application.pk))
    assert (history.transition, history.to_state) == ("create", "submitted")

    profile = application.profile
    assert profile.institution == institutions["uwb"]
    assert profile.degree_level == "master"
    assert [d.key for d in profile.disciplines.all()] == ["informatics"]
    assert profile.research_interests == ["machine learning", "robotics"]
    assert profile.privacy_notice_version == "2026-09"
    assert dict(application.languages.values_list("language", "level")) == {
        "cs": "native",
        "de": "B2",
        "en": "C1",
    }
    slots = list(application.availability.values_list("weekday", "starts_at", "ends_at"))
    assert slots == [(0, time(16), time(20)), (2, time(8), time(12))]
    assert profile.timezone == "Europe/Prague"
    assert application.answers["cv"]["name"] == "cv.pdf"
    assert application.uploads.get().file.storage.location.endswith("private")
    # The thank-you page.
    assert "application-submitted" in client.get(response["Location"]).content.decode()


@pytest.mark.django_db
def test_the_snapshot_kept_is_the_form_as_its_page_describes_it(client, mentee_form, institutions):
    """The form is built once per submission and its own description is the snapshot: the same
    as the page's ``form_definition()``, even when the CV was kept from an earlier attempt (the
    question stays required in the snapshot though this attempt needed no new file)."""
    data = valid_answers("mentee", institutions["uwb"])
    response = client.post(mentee_form.url, {**data, "full_name": "", "cv": pdf_upload()})
    assert response.status_code == 422
    token = Upload.objects.get(application__isnull=True).token
    response = client.post(mentee_form.url, {**data, "cv__upload": token})
    assert response.status_code == 302
    accept_received()
    application = Application.objects.get()
    assert application.uploads.get().token == token
    mentee_form.refresh_from_db()  # its live revision, as the view loads it
    assert application.form_snapshot == mentee_form.form_definition()
    cv = next(q for q in application.form_snapshot["questions"] if q.get("key") == "cv")
    assert cv["fields"][0]["required"] is True
    consent = next(
        q for q in application.form_snapshot["questions"] if q.get("key") == "privacy_consent"
    )
    assert consent["fields"][0]["privacy_notice"]["version"] == "2026-09"


@pytest.mark.django_db
def test_mentor_capacity_is_an_integer(client, mentor_form, institutions):
    data = valid_answers("mentor", institutions["oth"], email="prof@oth-aw.de", language="de")
    assert post(client, mentor_form, data).status_code == 302
    accept_received()
    assert Application.objects.get().profile.capacity == 2
    data["capacity"] = "4"
    data["email"] = "other@oth-aw.de"
    assert post(client, mentor_form, data).status_code == 422


@pytest.mark.django_db
def test_a_duplicate_saves_nothing_and_says_nothing_but_emails_the_owner(
    client, mentee_form, institutions
):
    data = valid_answers("mentee", institutions["uwb"])
    assert post(client, mentee_form, data).status_code == 302
    data["email"] = "  Jana.Novakova@Example.CZ "
    response = post(client, mentee_form, data)
    assert response.status_code == 302  # as for a new address (see test_form_duplicates)
    assert accept_received() == 2
    assert Application.objects.count() == 1
    assert OutboundEmail.objects.filter(template="application_duplicate").count() == 1


@pytest.mark.django_db
def test_a_closed_window_refuses_and_keeps_the_answers(client, mentee_form, cohort, institutions):
    cohort.application_closes_at = cohort.application_opens_at.replace(year=2000)
    cohort.application_opens_at = cohort.application_opens_at.replace(year=1999)
    cohort.save()
    response = post(client, mentee_form, valid_answers("mentee", institutions["uwb"]))
    assert response.status_code == 422
    body = response.content.decode()
    assert 'id="window-closed"' in body and 'id="submit-application"' not in body
    assert 'value="Faculty of Applied Sciences"' in body  # nothing entered is lost
    assert "cv.pdf (uploaded)" in body
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_an_ineligible_institution_is_refused_at_the_field(client, mentee_form, institutions):
    response = post(client, mentee_form, valid_answers("mentee", institutions["elsewhere"]))
    assert response.status_code == 422
    body = response.content.decode()
    assert 'id="institution-error"' in body and "must study at one of" in body
    assert 'href="#id_institution"' in body  # the error summary links to the field


@pytest.mark.django_db
def test_without_a_worker_the_application_is_kept_and_the_email_queued(
    client, mentee_form, institutions
):
    assert (
        post(client, mentee_form, valid_answers("mentee", institutions["uwb"])).status_code == 302
    )
    assert ReceivedSubmission.objects.count() == 1  # the answers, waiting for a worker
    assert [task.func() for task in OrmQ.objects.all()] == ["applications.tasks.accept_submission"]
    accept_received()  # the worker's first task
    application = Application.objects.get()
    email = OutboundEmail.objects.get(key=f"application-submitted:{application.pk}")
    assert email.status == OutboundEmail.Status.PENDING
    assert OrmQ.objects.count() == 2  # the email's task waits for a worker, too
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_email_is_in_the_applicants_language_and_sent_once(
    client, mentee_form, institutions, run_tasks_inline
):
    data = valid_answers("mentee", institutions["uwb"], email="max@example.de", language="de")
    assert post(client, mentee_form, data).status_code == 302
    application = Application.objects.get()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["max@example.de"]
    assert message.extra_headers["Content-Language"] == "de"
    assert "Bewerbung" in message.subject
    assert "/de/portal/" in message.body
    email = OutboundEmail.objects.get(key=f"application-submitted:{application.pk}")
    assert send_outbound_email(email.pk) == "skipped"  # the task running twice
    assert len(mail.outbox) == 1
    assert Person.objects.get().preferred_language == "de"


@pytest.mark.django_db
def test_the_database_constraint_decides_a_race(client, mentee_form, institutions, monkeypatch):
    """Two submissions that both passed the eligibility check before either committed: the
    unique constraint refuses the second, which is then answered like any duplicate (the
    owner is emailed), nothing half-saved."""
    from applications import services

    data = valid_answers("mentee", institutions["uwb"])
    assert post(client, mentee_form, data).status_code == 302
    accept_received()
    # The second acceptance read "not applied yet" before the first committed:
    real = services.existing_application
    calls = []

    def not_yet_the_first_time(*args):
        calls.append(args)
        return None if len(calls) == 1 else real(*args)

    monkeypatch.setattr(services, "existing_application", not_yet_the_first_time)
    response = post(client, mentee_form, data)
    assert response.status_code == 302
    accept_received()
    assert Application.objects.count() == 1
    assert OutboundEmail.objects.filter(template="application_submitted").count() == 1
    assert OutboundEmail.objects.filter(template="application_duplicate").count() == 1
    assert HistoryEntry.objects.filter(machine="application").count() == 1
    assert ConsentRecord.objects.count() == 1  # and one consent, with its own audit entry
