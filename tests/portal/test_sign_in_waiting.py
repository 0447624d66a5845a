"""A sign-in link for an applicant whose first submission the worker has not accepted yet.

A form's POST only stores a ``ReceivedSubmission``; the person exists once the worker has run
``accept_received``. Someone who sends the form and asks for a sign-in link at once would get
nothing, so the request accepts that address's waiting submissions first (and only that
address's), and answers exactly as it answers any other address.
"""

from __future__ import annotations

import logging

import pytest
from django.urls import reverse
from django.utils import translation

from applications.models import Application, Person, ReceivedSubmission
from portal.session import SESSION_KEY
from portal.signin import EMAIL_TEMPLATE
from tests.applications import conftest as applications_conftest
from tests.applications.conftest import make_form_page, pdf_upload, valid_answers
from tests.factories import make_cohort
from tests.portal.conftest import link_from
from workflows.notifications.models import OutboundEmail

pytestmark = pytest.mark.django_db

# The applications tests' fixtures (a form needs institutions, disciplines, a privacy notice).
institutions = applications_conftest.institutions
disciplines = applications_conftest.disciplines
privacy_notice = applications_conftest.privacy_notice

JANA = "jana.novakova@example.cz"
PETRA = "petra.svobodova@example.cz"


def url(name: str, language: str = "en") -> str:
    with translation.override(language):
        return reverse(f"portal:{name}")


@pytest.fixture
def mentee_form(institutions, disciplines, privacy_notice):
    cohort = make_cohort(
        title="Cohort 2027/28",
        mentee_institutions=[institutions["uwb"], institutions["oth"]],
        mentor_institutions=[institutions["uwb"], institutions["oth"]],
    )
    return make_form_page(cohort, "mentee")


def send_form(client, form_page, institutions, email: str, ip: str) -> ReceivedSubmission:
    """Send the form as an applicant does; the worker has not run (the row waits)."""
    answers = valid_answers("mentee", institutions["uwb"], email=email)
    response = client.post(form_page.url, {**answers, "cv": pdf_upload()}, REMOTE_ADDR=ip)
    assert response.status_code == 302
    return ReceivedSubmission.objects.latest("pk")


def ask_for_link(client, email: str, ip: str = "192.0.2.1"):
    response = client.post(url("sign_in"), {"email": email}, REMOTE_ADDR=ip)
    assert response.status_code == 302
    return response


def sign_in_emails():
    return OutboundEmail.objects.filter(template=EMAIL_TEMPLATE)


def test_a_waiting_submissions_address_gets_its_link(client, mentee_form, institutions):
    """Sent in other letter cases, asked for at once: the submission is accepted (person,
    application, row gone) and the one sign-in email works."""
    received = send_form(client, mentee_form, institutions, "Jana.Novakova@EXAMPLE.cz", "192.0.2.7")
    assert not Person.objects.exists()

    response = ask_for_link(client, JANA)
    assert response["Location"] == url("sign_in_sent")

    person = Person.objects.get(email=JANA)
    assert Application.objects.filter(person=person, cohort=received.cohort).count() == 1
    assert not ReceivedSubmission.objects.exists()
    [email] = sign_in_emails()
    assert email.to == JANA
    assert email.language == "cs"  # the language the form was answered in

    assert client.post(link_from(email.body_text).group(1)).status_code == 302
    assert client.session[SESSION_KEY] == person.pk


def test_an_address_with_neither_gets_no_email_and_the_same_answer(
    client, mentee_form, institutions
):
    send_form(client, mentee_form, institutions, JANA, "192.0.2.7")
    waiting = ask_for_link(client, JANA, ip="192.0.2.10")
    unknown = ask_for_link(client, "nobody@example.org", ip="192.0.2.11")

    assert waiting["Location"] == unknown["Location"]
    assert client.get(waiting["Location"]).content == client.get(unknown["Location"]).content
    assert sign_in_emails().count() == 1
    assert not OutboundEmail.objects.filter(to="nobody@example.org").exists()
    assert not Person.objects.filter(email="nobody@example.org").exists()


def test_a_failing_acceptance_sends_nothing_keeps_the_row_and_answers_the_same(
    client, mentee_form, institutions, monkeypatch, caplog
):
    received = send_form(client, mentee_form, institutions, JANA, "192.0.2.7")

    def broken(pk: int):
        raise RuntimeError("the database is unwell")

    monkeypatch.setattr("portal.signin.accept_received", broken)
    with caplog.at_level(logging.ERROR, logger="portal.signin"):
        failed = ask_for_link(client, JANA, ip="192.0.2.10")
    unknown = ask_for_link(client, "nobody@example.org", ip="192.0.2.11")

    assert failed["Location"] == unknown["Location"]
    assert client.get(failed["Location"]).content == client.get(unknown["Location"]).content
    assert not sign_in_emails().exists()
    assert ReceivedSubmission.objects.filter(pk=received.pk).exists()
    assert not Person.objects.exists()
    assert f"Received submission {received.pk} could not be accepted" in caplog.text
    assert JANA not in caplog.text  # the address is not written to the log


def test_only_the_requested_addresses_submissions_are_accepted(client, mentee_form, institutions):
    jana = send_form(client, mentee_form, institutions, JANA, "192.0.2.7")
    petra = send_form(client, mentee_form, institutions, PETRA, "192.0.2.8")

    ask_for_link(client, "nobody@example.org", ip="192.0.2.11")
    assert set(ReceivedSubmission.objects.values_list("pk", flat=True)) == {jana.pk, petra.pk}

    ask_for_link(client, JANA, ip="192.0.2.10")
    assert list(ReceivedSubmission.objects.values_list("pk", flat=True)) == [petra.pk]
    assert list(Person.objects.values_list("email", flat=True)) == [JANA]
    assert list(sign_in_emails().values_list("to", flat=True)) == [JANA]
