"""Drafts: save, get a link by email in your language, come back to everything incl. files."""

from __future__ import annotations

import pytest
from django.core import mail

from applications.models import Application, Draft
from tests.applications.conftest import pdf_upload, valid_answers
from workflows.notifications.models import OutboundEmail


@pytest.mark.django_db
def test_save_and_resume_prefills_everything_including_the_cv(
    client, mentee_form, institutions, run_tasks_inline
):
    data = valid_answers("mentee", institutions["uwb"])
    data.pop("goals")  # not finished yet
    response = client.post(
        mentee_form.url, {**data, "cv": pdf_upload("muj-zivotopis.pdf"), "action": "save_draft"}
    )
    assert response.status_code == 200
    assert 'id="draft-saved"' in response.content.decode()
    draft = Draft.objects.get()
    assert draft.uploads.get().original_name == "muj-zivotopis.pdf"
    assert not Application.objects.exists()

    assert len(mail.outbox) == 1  # the link, by email
    message = mail.outbox[0]
    assert message.to == ["jana.novakova@example.cz"]
    assert f"/en/applications/drafts/{draft.token}/" in message.body

    # Saving again does not send a second email.
    client.post(mentee_form.url, {**data, "action": "save_draft", "draft_token": draft.token})
    assert Draft.objects.count() == 1 and len(mail.outbox) == 1

    other_browser = client.__class__()
    resumed = other_browser.get(f"/en/applications/drafts/{draft.token}/", follow=True)
    body = resumed.content.decode()
    assert 'value="Faculty of Applied Sciences"' in body
    assert "muj-zivotopis.pdf (uploaded)" in body
    assert f'name="draft_token" value="{draft.token}"' in body
    assert 'id="error-summary"' not in body  # no errors shown on resume

    final = {**data, "goals": "Learn research.", "draft_token": draft.token}
    assert other_browser.post(mentee_form.url, final).status_code == 302
    application = Application.objects.get()
    assert application.uploads.get().original_name == "muj-zivotopis.pdf"
    sent = Draft.objects.get()  # kept, emptied, so its link can say "sent"
    assert sent.data == {} and sent.submitted_at is not None


@pytest.mark.django_db
def test_the_draft_link_email_is_in_the_form_language(client, mentee_form, locales):
    czech = mentee_form.copy_for_translation(locales["cs"], copy_parents=True)
    czech.save_revision().publish()
    client.post(czech.url, {"email": "jana@example.cz", "action": "save_draft"})
    email = OutboundEmail.objects.get()
    assert email.language == "cs"
    assert "/cs/applications/drafts/" in email.body_text


@pytest.mark.django_db
def test_an_unknown_draft_token_is_404(client, mentee_form):
    assert client.get("/en/applications/drafts/not-a-token/").status_code == 404


@pytest.mark.django_db
def test_draft_links_to_one_address_are_limited_per_day(client, mentee_form):
    for _ in range(5):  # five new drafts, all for the same (someone else's?) address
        client.post(mentee_form.url, {"email": "victim@example.org", "action": "save_draft"})
    assert Draft.objects.count() == 5
    assert OutboundEmail.objects.filter(to="victim@example.org").count() == 3


@pytest.mark.django_db
def test_an_invalid_address_gets_no_email_but_the_draft_is_kept(client, mentee_form):
    response = client.post(mentee_form.url, {"email": "not-an-address", "action": "save_draft"})
    assert response.status_code == 200
    assert Draft.objects.get().data["email"] == ["not-an-address"]
    assert not OutboundEmail.objects.exists()
