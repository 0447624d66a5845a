"""The programme-year page tells a global coordinator when submissions wait for a worker that
is not running (new applications would not reach the queues yet), and nobody else; and offers
them, only them, to accept the waiting submissions now ("Accept them now")."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from applications.models import Application, ReceivedSubmission
from tests.applications.conftest import (
    cohort,
    disciplines,
    institutions,
    mentee_form,
    pdf_upload,
    privacy_notice,
    valid_answers,
)
from tests.factories import UserFactory
from workflows.console import year
from workflows.console.waiting import accept_waiting_now, can_accept_waiting
from workflows.notifications.models import OutboundEmail
from workflows.roles import COORDINATORS, EDITORS, REVIEWERS

#: The application-form fixtures this module borrows (pytest finds them by these names): its
#: ``cohort`` is the applications tests' (with partner institutions), so a form POST is valid.
BORROWED_FIXTURES = (cohort, disciplines, institutions, mentee_form, privacy_notice)
REFUSAL = "Only coordinators of all cohorts can accept waiting submissions."


def received(cohort, minutes_ago: float) -> ReceivedSubmission:
    return ReceivedSubmission.objects.create(
        cohort=cohort,
        role="mentee",
        language="en",
        answers={"email": "late@example.cz"},
        received_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


@pytest.mark.django_db
def test_only_submissions_waiting_minutes_count(coordinator, cohort):
    received(cohort, minutes_ago=0)
    assert year.submissions_waiting(coordinator) == 0  # the worker takes it in a moment
    received(cohort, minutes_ago=3)
    assert year.submissions_waiting(coordinator) == 1


@pytest.mark.django_db
def test_a_one_cohort_coordinator_is_not_told(cohort):
    from workflows.access.models import CohortRole

    user = UserFactory(username="one-cohort", groups=[COORDINATORS])
    CohortRole.objects.create(user=user, cohort=cohort, role="coordinator")
    received(cohort, minutes_ago=3)
    assert year.submissions_waiting(user) is None


@pytest.mark.django_db
def test_the_year_page_says_so(client, coordinator, cohort):
    client.force_login(coordinator)
    url = reverse("console:year")
    assert 'id="submissions-waiting"' not in client.get(url).content.decode()
    received(cohort, minutes_ago=3)
    body = client.get(url).content.decode()
    assert 'id="submissions-waiting"' in body
    assert "1 submission is waiting for the background worker" in body


# --- "Accept them now": the notice's next step -------------------------------------------------

ACCEPT_URL = "/admin/year/accept-waiting/"


def waiting_submission(mentee_form, institutions, email: str, minutes_ago: float = 3) -> int:
    """A real submission through the form's POST (an applicant's own client), left waiting for
    ``minutes_ago``: its queued task is never run, as when the worker is down."""
    applicant = Client()
    data = {**valid_answers("mentee", institutions["uwb"], email=email), "cv": pdf_upload()}
    assert applicant.post(mentee_form.url, data).status_code == 302
    received_pk = ReceivedSubmission.objects.latest("pk").pk
    ReceivedSubmission.objects.filter(pk=received_pk).update(
        received_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return received_pk


def cohort_coordinator(cohort):
    from workflows.access.models import CohortRole

    user = UserFactory(username="one-cohort", groups=[COORDINATORS])
    CohortRole.objects.create(user=user, cohort=cohort, role="coordinator")
    return user


def test_the_accept_url_is_the_console_s():
    assert reverse("console:accept_waiting") == ACCEPT_URL


@pytest.mark.django_db
def test_only_global_coordinators_may_accept_waiting_submissions(coordinator, cohort):
    from django.contrib.auth.models import AnonymousUser

    superuser = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert can_accept_waiting(coordinator) == (True, "")
    assert can_accept_waiting(superuser) == (True, "")
    refused = [
        cohort_coordinator(cohort),
        UserFactory(username="reviewer", groups=[REVIEWERS]),
        UserFactory(username="editor", groups=[EDITORS]),
        UserFactory(username="staff", is_staff=True),
        AnonymousUser(),
    ]
    for user in refused:
        allowed, reason = can_accept_waiting(user)
        assert (allowed, reason) == (False, REFUSAL)
        with pytest.raises(PermissionError):
            accept_waiting_now(user)


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["cohort_coordinator", "reviewer", "editor", "staff", "anonymous"])
def test_nobody_else_can_press_it(who, client, cohort, mentee_form, institutions):
    received_pk = waiting_submission(mentee_form, institutions, "waiting@example.cz")
    users = {
        "cohort_coordinator": lambda: cohort_coordinator(cohort),
        "reviewer": lambda: UserFactory(username="reviewer", groups=[REVIEWERS]),
        "editor": lambda: UserFactory(username="editor", groups=[EDITORS]),
        "staff": lambda: UserFactory(username="staff", is_staff=True),
        "anonymous": lambda: None,
    }
    user = users[who]()
    if user is not None:
        client.force_login(user)
    response = client.post(ACCEPT_URL)
    if who == "anonymous":
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    elif user.has_perm("wagtailadmin.access_admin"):
        # Wagtail turns PermissionDenied into a redirect home with a message, or a 403.
        assert response.status_code == 403 or (
            response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
        )
    else:
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert ReceivedSubmission.objects.filter(pk=received_pk).exists()
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_the_button_is_shown_to_global_coordinators_only(client, coordinator, cohort):
    received(cohort, minutes_ago=3)
    client.force_login(coordinator)
    body = client.get(reverse("console:year")).content.decode()
    assert 'id="accept-waiting"' in body
    assert f'action="{ACCEPT_URL}"' in body
    assert "Nothing is lost" in body and "manage.py qcluster" in body
    client.force_login(cohort_coordinator(cohort))
    body = client.get(reverse("console:year")).content.decode()
    assert 'id="accept-waiting"' not in body and 'id="submissions-waiting"' not in body


@pytest.mark.django_db
def test_pressing_it_makes_the_waiting_submissions_applications(
    client, coordinator, mentee_form, institutions, caplog
):
    waiting_submission(mentee_form, institutions, "first@example.cz")
    waiting_submission(mentee_form, institutions, "second@example.cz")
    fresh = waiting_submission(mentee_form, institutions, "fresh@example.cz", minutes_ago=0)
    client.force_login(coordinator)

    with caplog.at_level(logging.INFO, logger="workflows.console.waiting"):
        response = client.post(ACCEPT_URL)

    assert f"User {coordinator.pk} (coordinator) accepted waiting submissions" in caplog.text
    assert "2 accepted, 0 needed no application, 0 failed, 0 left for the next press" in caplog.text

    assert response.status_code == 302 and response["Location"] == reverse("console:year")
    assert list(ReceivedSubmission.objects.values_list("pk", flat=True)) == [fresh]
    assert sorted(Application.objects.values_list("person__email", flat=True)) == [
        "first@example.cz",
        "second@example.cz",
    ]
    emails = OutboundEmail.objects.filter(template="application_submitted")
    assert sorted(emails.values_list("to", flat=True)) == ["first@example.cz", "second@example.cz"]
    body = client.get(response["Location"]).content.decode()
    assert "2 waiting submissions were accepted: they are applications now." in body
    assert 'id="submissions-waiting"' not in body  # the fresh one is the worker's


@pytest.mark.django_db
def test_a_second_press_does_nothing(client, coordinator, mentee_form, institutions):
    waiting_submission(mentee_form, institutions, "once@example.cz")
    client.force_login(coordinator)
    client.post(ACCEPT_URL)
    response = client.post(ACCEPT_URL, follow=True)
    assert Application.objects.count() == 1
    assert OutboundEmail.objects.filter(template="application_submitted").count() == 1
    assert not OutboundEmail.objects.filter(template="application_duplicate").exists()
    assert "No submission was waiting any more" in response.content.decode()


@pytest.mark.django_db
def test_a_get_accepts_nothing(client, coordinator, mentee_form, institutions):
    received_pk = waiting_submission(mentee_form, institutions, "get@example.cz")
    client.force_login(coordinator)
    assert client.get(ACCEPT_URL).status_code == 405
    assert client.get(reverse("console:year")).status_code == 200
    assert ReceivedSubmission.objects.filter(pk=received_pk).exists()
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_failure_is_counted_and_the_others_accepted(
    client, coordinator, mentee_form, institutions, monkeypatch
):
    from applications import acceptance

    broken = waiting_submission(mentee_form, institutions, "broken@example.cz")
    waiting_submission(mentee_form, institutions, "fine@example.cz")
    real = acceptance.accept_received

    def accept_received(pk: int):
        if pk == broken:
            raise ValueError("a damaged submission")
        return real(pk)

    monkeypatch.setattr(acceptance, "accept_received", accept_received)
    client.force_login(coordinator)
    body = client.post(ACCEPT_URL, follow=True).content.decode()
    assert list(ReceivedSubmission.objects.values_list("pk", flat=True)) == [broken]
    assert Application.objects.get().person.email == "fine@example.cz"
    assert "1 waiting submission was accepted: it is an application now." in body
    assert "1 submission could not be accepted and is still waiting." in body
    assert f'href="{reverse("console:failures")}"' in body
    assert 'id="submissions-waiting"' in body  # still told: it still waits


@pytest.mark.django_db
def test_a_repeated_submission_is_not_called_an_application(
    client, coordinator, mentee_form, institutions
):
    """The same address applied twice while the worker was down: one application, and the
    second submission is reported as needing none (its sender gets the duplicate email)."""
    waiting_submission(mentee_form, institutions, "twice@example.cz", minutes_ago=4)
    waiting_submission(mentee_form, institutions, "twice@example.cz", minutes_ago=3)
    client.force_login(coordinator)
    body = client.post(ACCEPT_URL, follow=True).content.decode()
    assert Application.objects.get().person.email == "twice@example.cz"
    assert not ReceivedSubmission.objects.exists()
    assert "1 waiting submission was accepted: it is an application now." in body
    assert "1 waiting submission needed no new application" in body
    assert OutboundEmail.objects.filter(template="application_duplicate").count() == 1


@pytest.mark.django_db
def test_a_press_accepts_at_most_its_share_oldest_first(
    client, coordinator, mentee_form, institutions, monkeypatch
):
    """After a long outage a press stays short: the oldest ``ACCEPT_NOW_AT_MOST`` become
    applications, the rest still wait, the coordinator is told how many and presses again."""
    from workflows.console import waiting

    monkeypatch.setattr(waiting, "ACCEPT_NOW_AT_MOST", 2)
    waiting_submission(mentee_form, institutions, "oldest@example.cz", minutes_ago=9)
    waiting_submission(mentee_form, institutions, "older@example.cz", minutes_ago=8)
    newest = waiting_submission(mentee_form, institutions, "newer@example.cz", minutes_ago=7)
    client.force_login(coordinator)

    body = client.post(ACCEPT_URL, follow=True).content.decode()
    assert sorted(Application.objects.values_list("person__email", flat=True)) == [
        "older@example.cz",
        "oldest@example.cz",
    ]
    assert list(ReceivedSubmission.objects.values_list("pk", flat=True)) == [newest]
    assert "2 waiting submissions were accepted" in body
    assert "1 more submission is still waiting: press “Accept them now” again" in body
    assert 'id="accept-waiting"' in body  # the button is there to press again

    body = client.post(ACCEPT_URL, follow=True).content.decode()
    assert Application.objects.count() == 3 and not ReceivedSubmission.objects.exists()
    assert "still waiting" not in body


@pytest.mark.django_db
def test_the_press_message_names_the_button_as_translated(
    client, coordinator, mentee_form, institutions, monkeypatch
):
    from django.utils import translation

    from workflows.console import waiting

    monkeypatch.setattr(waiting, "ACCEPT_NOW_AT_MOST", 1)
    waiting_submission(mentee_form, institutions, "a@example.cz", minutes_ago=5)
    waiting_submission(mentee_form, institutions, "b@example.cz", minutes_ago=4)
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "de"
    profile.save()
    client.force_login(coordinator)
    body = client.post(ACCEPT_URL, follow=True).content.decode()
    with translation.override("de"):
        button = translation.gettext("Accept them now")
    assert button != "Accept them now"
    assert f"„{button}“" in body or f"“{button}”" in body
