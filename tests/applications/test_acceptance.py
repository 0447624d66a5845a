"""Receiving and accepting: the form's POST stores the answers in one write and queues their
acceptance; the worker creates the application, once, even when its task runs twice, is lost,
or the worker was down; a duplicate found by the worker emails the address's owner."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_q.models import OrmQ, Schedule

from applications.acceptance import accept_received, accept_waiting, accept_when_quiet
from applications.maintenance import purge_stale_drafts
from applications.models import Application, ReceivedSubmission, Upload
from tests.applications.conftest import pdf_upload, valid_answers
from tests.workflows.conftest import run_queued_tasks
from workflows.engine.models import HistoryEntry
from workflows.notifications.models import OutboundEmail


def post(client, page, data, **extra):
    return client.post(page.url, {**data, "cv": pdf_upload()}, **extra)


@pytest.mark.django_db
def test_the_post_stores_the_answers_and_the_worker_creates_the_application(
    client, mentee_form, cohort, institutions
):
    response = post(client, mentee_form, valid_answers("mentee", institutions["uwb"]))
    assert response.status_code == 302
    assert "application-submitted" in client.get(response["Location"]).content.decode()
    received = ReceivedSubmission.objects.get()
    assert (received.cohort, received.role, received.language) == (cohort, "mentee", "en")
    assert received.answers["email"] == "jana.novakova@example.cz"
    assert list(received.uploads.all()) == [Upload.objects.get()]
    assert not Application.objects.exists()
    assert [task.func() for task in OrmQ.objects.all()] == ["applications.tasks.accept_submission"]

    ran = run_queued_tasks()  # django-q2's own worker and monitor, on the ORM broker's queue

    assert ran[0] == "applications.tasks.accept_submission"
    application = Application.objects.get()
    assert application.submitted_at == received.received_at  # when it arrived, not later
    assert application.uploads.get().received is None
    assert application.profile.privacy_notice_version == "2026-09"
    entry = HistoryEntry.objects.get(machine="application", object_id=str(application.pk))
    assert (entry.transition, entry.to_state) == ("create", "submitted")
    assert not ReceivedSubmission.objects.exists()
    email = OutboundEmail.objects.get(template="application_submitted")
    assert (email.to, email.language) == ("jana.novakova@example.cz", "cs")


@pytest.mark.django_db
def test_accepting_twice_creates_one_application_and_one_email(client, mentee_form, institutions):
    post(client, mentee_form, valid_answers("mentee", institutions["uwb"]))
    pk = ReceivedSubmission.objects.get().pk
    first = accept_received(pk)
    assert first is not None
    assert accept_received(pk) is None  # the task ran again: nothing left to do
    assert Application.objects.count() == 1
    assert OutboundEmail.objects.filter(template="application_submitted").count() == 1


@pytest.mark.django_db
def test_a_lost_task_is_accepted_by_the_schedule_once_it_has_waited(
    client, mentee_form, institutions
):
    post(client, mentee_form, valid_answers("mentee", institutions["uwb"]))
    OrmQ.objects.all().delete()  # the task is lost (a Redis broker restarted, say)
    assert accept_waiting() == 0  # a fresh one is the queue's: the schedule leaves it
    ReceivedSubmission.objects.update(received_at=timezone.now() - timedelta(minutes=3))
    assert accept_waiting() == 1
    assert Application.objects.count() == 1 and not ReceivedSubmission.objects.exists()
    assert Schedule.objects.get(name="careersteps-applications-accept-waiting").func == (
        "applications.tasks.accept_waiting"
    )


@pytest.mark.django_db
def test_a_duplicate_waiting_beside_the_first_emails_the_owner(client, mentee_form, institutions):
    data = valid_answers("mentee", institutions["uwb"])
    assert post(client, mentee_form, data).status_code == 302
    data["email"] = "JANA.novakova@example.cz"
    assert post(client, mentee_form, data).status_code == 302  # answered alike
    assert ReceivedSubmission.objects.count() == 2
    assert accept_waiting(older_than=timedelta(0)) == 2
    assert Application.objects.count() == 1
    assert OutboundEmail.objects.filter(template="application_duplicate").count() == 1
    assert not ReceivedSubmission.objects.exists()


@pytest.mark.django_db
def test_files_of_a_waiting_submission_outlive_the_pending_upload_purge(
    client, mentee_form, institutions
):
    post(client, mentee_form, valid_answers("mentee", institutions["uwb"]))
    Upload.objects.update(created_at=timezone.now() - timedelta(days=1))
    assert purge_stale_drafts()["uploads"] == 0
    accept_waiting(older_than=timedelta(0))
    upload = Application.objects.get().uploads.get()
    assert upload.file.storage.exists(upload.file.name)


@pytest.mark.django_db
def test_a_submission_received_before_the_deadline_is_accepted_after_it(
    client, mentee_form, cohort, institutions
):
    post(client, mentee_form, valid_answers("mentee", institutions["uwb"]))
    # The window closes after the answers arrived and before the worker takes them.
    cohort.application_closes_at = ReceivedSubmission.objects.get().received_at + timedelta(
        milliseconds=1
    )
    cohort.save()
    assert cohort.application_status() == "closed"
    accept_waiting(older_than=timedelta(0))
    application = Application.objects.get()
    assert application.submitted_at < cohort.application_closes_at


@pytest.mark.django_db
def test_a_refused_submission_stores_nothing_and_queues_nothing(client, mentee_form, institutions):
    response = post(client, mentee_form, valid_answers("mentee", institutions["elsewhere"]))
    assert response.status_code == 422
    assert not ReceivedSubmission.objects.exists() and not OrmQ.objects.exists()


@pytest.mark.django_db
def test_the_post_counts_then_writes_once(client, mentee_form, institutions):
    """The work the request does is small and fixed: the rate limit's count, then one
    transaction: the rate limit's note, the CV kept, the received row, the CV made its, the
    queued task. No session
    is written (the "received" page is shown by a signed cookie). (The test runs inside a
    transaction, so the request's transactions show as savepoints.)"""
    data = {**valid_answers("mentee", institutions["uwb"]), "cv": pdf_upload()}
    with CaptureQueriesContext(connection) as queries:
        response = client.post(mentee_form.url, data)
    assert response.status_code == 302

    def kind(sql: str) -> str:
        words = sql.replace('"', "").split()
        if words[0] == "SAVEPOINT":
            return "begin"
        if words[0] == "RELEASE":
            return "commit"
        return " ".join(words[:3]).replace(" INTO", "")

    writes = [
        kind(q["sql"])
        for q in queries.captured_queries
        if q["sql"].startswith(("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "RELEASE"))
    ]
    assert writes == [
        "begin",
        "INSERT accounts_throttlehit",
        "INSERT applications_upload",
        "INSERT applications_receivedsubmission",
        "UPDATE applications_upload SET",  # the CV is the received submission's now
        "INSERT django_q_ormq",
        "commit",
    ]
    assert "sessionid" not in response.cookies
    assert "careersteps_submitted" in response.cookies


@pytest.mark.django_db
def test_the_task_waits_while_applicants_are_submitting(client, mentee_form, institutions):
    """The worker's writes wait for a pause in arrivals (here the pause is made by moving the
    arrival back in time where the task would sleep), then every waiting one is accepted."""
    post(client, mentee_form, valid_answers("mentee", institutions["uwb"]))
    pk = ReceivedSubmission.objects.get().pk
    slept = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        ReceivedSubmission.objects.update(received_at=F("received_at") - timedelta(seconds=1))

    assert accept_when_quiet(pk, sleep=sleep) == 1
    assert len(slept) == 1
    assert Application.objects.count() == 1
    assert accept_when_quiet(pk, sleep=sleep) == 0 and len(slept) == 1  # the queue's next run


@pytest.mark.django_db
def test_a_steady_stream_is_accepted_after_the_longest_delay(client, mentee_form, institutions):
    data = valid_answers("mentee", institutions["uwb"])
    post(client, mentee_form, data)
    ReceivedSubmission.objects.update(received_at=timezone.now() - timedelta(seconds=11))
    post(client, mentee_form, {**data, "email": "next@example.cz"})  # arriving right now
    pk = ReceivedSubmission.objects.order_by("received_at").first().pk

    def sleep(seconds: float) -> None:
        raise AssertionError("the oldest waited ten seconds already: no more waiting")

    assert accept_when_quiet(pk, sleep=sleep) == 2
    assert Application.objects.count() == 2


@pytest.mark.django_db
def test_one_that_fails_keeps_its_row_and_holds_up_no_other(
    client, mentee_form, cohort, institutions
):
    broken = ReceivedSubmission.objects.create(  # first in line, and unusable: no address
        cohort=cohort,
        role="mentee",
        language="en",
        answers={"full_name": "No Address"},
        received_at=timezone.now() - timedelta(minutes=1),
    )
    post(client, mentee_form, valid_answers("mentee", institutions["uwb"]))
    with pytest.raises(RuntimeError, match="1 of 2 received submissions"):
        accept_waiting(older_than=timedelta(0))
    assert Application.objects.count() == 1
    assert list(ReceivedSubmission.objects.all()) == [broken]  # kept for the next run
