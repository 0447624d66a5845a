"""The duplicate check never tells a stranger that an address has applied: a second
application with a known address gets exactly the answer a new one gets (HTML and API); its
owner learns the rest by email, in their language, with a portal link. A closed cohort's
form answers the same for a known and an unknown address, too."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from applications.models import Application
from tests.applications.conftest import accept_received, pdf_upload, valid_answers
from tests.factories import make_cohort


def post(client, page, data):
    return client.post(page.url, {**data, "cv": pdf_upload()})


def api_post(client, page, data):
    return client.post(
        f"/api/v3/forms/{page.pk}/submissions/?locale=en", {**data, "cv": pdf_upload()}
    )


def normalised(response) -> str:
    """The page without what differs between any two requests (CSRF tokens)."""
    html = response.content.decode()
    return re.sub(r'(csrfmiddlewaretoken" value=|csrf[-_]token[^"]*")"[^"]*"', "", html)


@pytest.mark.django_db
def test_html_a_duplicate_gets_the_same_answer_as_a_fresh_address(
    client, mentee_form, institutions
):
    known = valid_answers("mentee", institutions["uwb"], email="known@example.cz")
    assert post(client, mentee_form, known).status_code == 302
    assert accept_received() == 1  # the known address has applied

    fresh = client.__class__()
    duplicate = client.__class__()
    first = post(fresh, mentee_form, {**known, "email": "new@example.cz"})
    second = post(duplicate, mentee_form, known)
    assert (first.status_code, first["Location"]) == (second.status_code, second["Location"])
    page_fresh = fresh.get(first["Location"])
    page_duplicate = duplicate.get(second["Location"])
    assert page_fresh.status_code == page_duplicate.status_code == 200
    assert normalised(page_fresh) == normalised(page_duplicate)
    assert accept_received() == 2  # the worker tells the two apart, not the request
    assert Application.objects.filter(person__email="known@example.cz").count() == 1
    assert Application.objects.filter(person__email="new@example.cz").count() == 1


@pytest.mark.django_db
def test_api_a_duplicate_gets_the_same_answer_as_a_fresh_address(client, mentee_form, institutions):
    known = valid_answers("mentee", institutions["uwb"], email="known@example.cz")
    assert api_post(client, mentee_form, known).status_code == 201
    first = api_post(client, mentee_form, {**known, "email": "new@example.cz"})
    second = api_post(client, mentee_form, known)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert "application_id" not in first.json()


@pytest.mark.django_db
def test_the_owner_learns_it_by_email_in_their_language_with_a_portal_link(
    client, mentee_form, institutions, run_tasks_inline
):
    known = valid_answers("mentee", institutions["uwb"], email="max@example.de", language="de")
    post(client, mentee_form, known)
    mail.outbox.clear()
    post(client, mentee_form, {**known, "preferred_language": "en"})
    post(client, mentee_form, known)  # a second attempt the same day: no second email
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["max@example.de"]
    assert message.extra_headers["Content-Language"] == "de"
    assert "/de/portal/" in message.body
    application = Application.objects.get()
    assert str(application.pk) in message.body


@pytest.mark.django_db
def test_a_closed_cohorts_api_answers_the_same_for_known_and_unknown_addresses(
    client, institutions, disciplines, privacy_notice
):
    from tests.applications.conftest import make_form_page

    cohort = make_cohort(
        mentee_institutions=[institutions["uwb"]], mentor_institutions=[institutions["uwb"]]
    )
    page = make_form_page(cohort, "mentee")
    known = valid_answers("mentee", institutions["uwb"], email="known@example.cz")
    assert api_post(client, page, known).status_code == 201
    cohort.application_opens_at = cohort.application_opens_at.replace(year=2000)
    cohort.application_closes_at = cohort.application_closes_at.replace(year=2001)
    cohort.save()
    for answers in (known, {**known, "email": "stranger@example.cz"}):
        response = api_post(client, page, answers)
        assert response.status_code == 422
    bodies = [
        {k: v for k, v in api_post(client, page, answers).json().items() if k != "kept_uploads"}
        for answers in (known, {**known, "email": "stranger@example.cz"})
    ]
    assert bodies[0] == bodies[1]
    assert set(bodies[0]["errors"]) == {"__all__"}
