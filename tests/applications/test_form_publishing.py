"""An editor cannot publish an application form that lacks a core question of its role."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from applications.models import ApplicationFormPage
from tests.applications.conftest import core_blocks, make_form_page
from tests.factories import UserFactory


@pytest.mark.django_db
def test_missing_core_questions_are_named_in_the_error(cohort):
    page = ApplicationFormPage(
        title="Apply",
        slug="apply",
        role="mentee",
        questions=core_blocks("mentee", skip=("cv", "goals")),
    )
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        page.clean()
    message = " ".join(refused.value.message_dict["questions"])
    assert "CV (PDF)" in message and "Your goals and wishes for the mentoring" in message
    assert "Full name" not in message
    with translation.override("de"), pytest.raises(ValidationError) as refused:
        page.clean()
    message = " ".join(str(m) for m in refused.value.message_dict["questions"])
    assert "Lebenslauf (PDF)" in message and "Kernfragen" in message


@pytest.mark.django_db
def test_publishing_in_code_is_refused(cohort, disciplines, privacy_notice):
    with pytest.raises(ValidationError):
        make_form_page(cohort, "mentor", skip=("capacity",))
    assert not ApplicationFormPage.objects.live().exists()


@pytest.mark.django_db
def test_a_complete_form_publishes(cohort, disciplines, privacy_notice):
    page = make_form_page(cohort, "mentor")
    assert page.live


@pytest.mark.django_db
def test_a_key_used_twice_is_refused(cohort):
    blocks = core_blocks("mentee") + [("core", {"question": "email", "label": "", "help_text": ""})]
    page = ApplicationFormPage(title="Apply", slug="apply", role="mentee", questions=blocks)
    with pytest.raises(ValidationError) as refused:
        page.clean()
    assert "email" in " ".join(refused.value.message_dict["questions"])


def _admin_post_data(skip: tuple[str, ...]) -> dict:
    items = []
    for block_type, value in core_blocks("mentee", skip=skip):
        if block_type == "choice":
            continue  # the list block's form data is not needed for this check
        items.append((block_type, value))
    return nested_form_data(
        {
            "title": "Apply as a mentee",
            "slug": "apply-as-a-mentee",
            "role": "mentee",
            "introduction": rich_text(""),
            "questions": streamfield(items),
            "thank_you_text": rich_text(""),
            "comments": {
                "TOTAL_FORMS": 0,
                "INITIAL_FORMS": 0,
                "MIN_NUM_FORMS": 0,
                "MAX_NUM_FORMS": 1000,
            },
        }
    )


@pytest.mark.django_db
def test_the_admin_refuses_to_publish_but_keeps_a_draft(
    client, cohort, disciplines, privacy_notice
):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:add", args=["applications", "applicationformpage", cohort.pk])

    data = _admin_post_data(skip=("cv",))
    response = client.post(url, {**data, "action-publish": "action-publish"})
    assert response.status_code == 200  # the edit form again, with the error
    assert "cannot be published without these core questions" in response.content.decode()
    assert not ApplicationFormPage.objects.exists()

    response = client.post(url, data)  # "Save draft"
    assert response.status_code == 302
    draft = ApplicationFormPage.objects.get(locale__language_code="en")
    assert not draft.live

    response = client.post(
        url, {**_admin_post_data(skip=()), "slug": "complete", "action-publish": "action-publish"}
    )
    assert response.status_code == 302
    published = ApplicationFormPage.objects.live().filter(locale__language_code="en")
    assert [page.slug for page in published] == ["complete"]


@pytest.mark.django_db
def test_a_new_form_starts_with_every_core_question(client, cohort):
    page = ApplicationFormPage(title="Apply", slug="apply", role="mentor")
    page.clean()  # publishable as it comes
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailadmin_pages:add", args=["applications", "applicationformpage", cohort.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "privacy_consent" in response.content.decode()
