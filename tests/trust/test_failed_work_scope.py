"""The failed-emails page: a coordinator of one cohort sees and retries only that cohort's."""

from __future__ import annotations

import pytest
from django.core import mail

from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.access.models import CohortRole
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import queue_email
from workflows.roles import COORDINATORS

URL = "/admin/workflows/failures/"


def failed_email_about(application) -> OutboundEmail:
    email = queue_email(
        key=f"application-submitted:{application.pk}",
        to=application.person.email,
        language="en",
        template="application_submitted",
        context={"full_name": application.person.full_name, "reference": application.pk},
    )
    OutboundEmail.objects.filter(pk=email.pk).update(
        status=OutboundEmail.Status.FAILED, last_error="SMTP down"
    )
    return email


@pytest.fixture
def setting(db):
    mine, theirs = make_cohort(title="Cohort A"), make_cohort(title="Cohort B")
    coordinator = UserFactory(username="scoped", groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, cohort=mine, role=CohortRole.Role.COORDINATOR)
    own = failed_email_about(ApplicationFactory(cohort=mine))
    other = failed_email_about(ApplicationFactory(cohort=theirs))
    return coordinator, own, other


def test_a_scoped_coordinator_sees_only_their_cohorts_failures(client, setting):
    coordinator, own, other = setting
    client.force_login(coordinator)
    body = client.get(URL).content.decode()
    assert own.to in body
    assert other.to not in body


def test_a_scoped_coordinator_cannot_retry_another_cohorts_email(client, setting, run_tasks_inline):
    coordinator, own, other = setting
    client.force_login(coordinator)
    client.post(URL, {"kind": "email", "id": str(other.pk)})
    other.refresh_from_db()
    assert other.status == OutboundEmail.Status.FAILED
    assert mail.outbox == []
    client.post(URL, {"kind": "email", "id": str(own.pk)})
    own.refresh_from_db()
    assert own.status == OutboundEmail.Status.SENT


def test_a_global_coordinator_sees_every_cohort(client, setting):
    _coordinator, own, other = setting
    client.force_login(UserFactory(username="global", groups=[COORDINATORS]))
    body = client.get(URL).content.decode()
    assert own.to in body and other.to in body


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["task", "email"])
@pytest.mark.parametrize("value", ["abc", str(2**70), "1e9", "", "\x00", "0" * 40])
def test_a_junk_id_on_the_failed_work_retry_is_not_a_500(client, kind, value):
    client.raise_request_exception = False
    client.force_login(UserFactory(groups=[COORDINATORS]))
    response = client.post("/admin/workflows/failures/", {"kind": kind, "id": value})
    assert response.status_code in {302, 400, 404}, response.status_code


def test_a_global_coordinator_retries_a_failed_task_and_a_scoped_one_cannot(client, setting):
    from django_q.models import Failure, OrmQ

    Failure.objects.create(
        id="a" * 32,
        name="t",
        func="workflows.notifications.tasks.send_outbound_email",
        args=(1,),
        kwargs={},
        started="2026-01-01T00:00Z",
        stopped="2026-01-01T00:00Z",
        success=False,
        result="boom",
    )
    coordinator, _own, _other = setting
    queued = OrmQ.objects.count()
    client.force_login(coordinator)
    assert "send_outbound_email" not in client.get(URL).content.decode()
    client.post(URL, {"kind": "task", "id": "a" * 32})
    assert Failure.objects.exists() and OrmQ.objects.count() == queued
    client.force_login(UserFactory(username="global", groups=[COORDINATORS]))
    assert "send_outbound_email" in client.get(URL).content.decode()
    client.post(URL, {"kind": "task", "id": "a" * 32})
    assert not Failure.objects.exists() and OrmQ.objects.count() == queued + 1
