"""A cloned cohort exists in every language a year later, its forms take applications."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from applications.models import Application, ApplicationFormPage, ReceivedSubmission
from cohorts.models import CohortPage
from tests.applications.conftest import accept_received, make_pdf, valid_answers
from workflows.next_cohort.cloning import CloneRefused, clone_cohort

pytestmark = pytest.mark.django_db


def labels(form: ApplicationFormPage) -> list[str]:
    return [
        field.get("label")
        for question in form.form_definition()["questions"]
        for field in question.get("fields", [])
    ]


def test_clone_exists_in_english_czech_and_german_a_year_later_as_drafts(
    translated_cohort, coordinator, locales, institutions
):
    old = translated_cohort
    result = clone_cohort(old, user=coordinator)
    new = CohortPage.objects.get(pk=result.cohort.pk)

    assert new.title == "Cohort 2026/27"
    assert new.slug.startswith("cohort-202627-") and new.slug != old.slug
    assert new.get_parent().pk == old.get_parent().pk
    assert new.translation_key != old.translation_key
    assert new.programme_starts_on == date(2026, 11, 1)
    assert new.programme_ends_on == date(2027, 7, 31)
    local = timezone.localtime
    assert local(new.application_opens_at).time() == local(old.application_opens_at).time()
    assert local(new.application_opens_at).year == local(old.application_opens_at).year + 1
    assert new.capacity == 12
    assert list(new.mentee_institutions.all()) == [institutions["oth"]]
    assert list(new.mentor_institutions.all()) == [institutions["uwb"]]

    assert sorted(result.languages) == ["cs", "de"]
    for code in ("cs", "de"):
        translated = new.get_translation(locales[code]).specific
        # The old translation with the years moved, the dates synced from the English page.
        assert translated.title == f"[{code}] Cohort 2026/27"
        assert translated.programme_starts_on == date(2026, 11, 1)
        assert translated.get_parent().pk == old.get_translation(locales[code]).get_parent().pk
        forms = [child.specific for child in translated.get_children().order_by("path")]
        assert [form.role for form in forms] == ["mentee", "mentor"]
        assert f"[{code}] How did you hear about us?" in labels(forms[0])
    # Drafts everywhere, for editors to check and publish; the old cohort untouched.
    assert len(result.pages) == 9
    assert not any(page.live for page in result.pages)
    old.refresh_from_db()
    assert old.live and old.title == "Cohort 2025/26"
    assert old.get_children().count() == 2


def test_published_clone_takes_a_german_application_into_the_new_cohort(
    client, translated_cohort, editing_coordinator, locales, institutions
):
    result = clone_cohort(translated_cohort, user=editing_coordinator, publish=True)
    new = result.cohort
    assert all(page.specific.live for page in result.pages)
    assert new.is_open_for_applications()
    form = ApplicationFormPage.objects.child_of(new).get(role="mentee")
    german = form.get_translation(locales["de"])

    data = valid_answers("mentee", institutions["oth"], email="max@example.de", language="de")
    data["cv"] = SimpleUploadedFile("lebenslauf.pdf", make_pdf(), "application/pdf")
    response = client.post(german.url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert ReceivedSubmission.objects.get().cohort_id == new.pk
    assert accept_received() == 1
    application = Application.objects.get(person__email="max@example.de")
    assert application.cohort_id == new.pk
    assert not Application.objects.filter(cohort=translated_cohort).exists()


def test_cloning_twice_for_the_same_year_is_refused_and_two_years_later_is_not(
    translated_cohort, coordinator
):
    first = clone_cohort(translated_cohort, user=coordinator).cohort
    with pytest.raises(CloneRefused, match="Cohort 2026/27 already starts on that day"):
        clone_cohort(translated_cohort, user=coordinator)
    later = clone_cohort(translated_cohort, user=coordinator, years=2).cohort
    assert later.title == "Cohort 2027/28" and later.programme_starts_on == date(2027, 11, 1)
    assert len({first.slug, later.slug, translated_cohort.slug}) == 3


def test_a_translated_copy_cannot_be_cloned(translated_cohort, coordinator, locales):
    czech = translated_cohort.get_translation(locales["cs"]).specific
    with pytest.raises(CloneRefused):
        clone_cohort(czech, user=coordinator)


def test_a_coordinator_who_may_not_publish_pages_gets_drafts_only(translated_cohort, coordinator):
    with pytest.raises(CloneRefused):
        clone_cohort(translated_cohort, user=coordinator, publish=True)
    assert CohortPage.objects.filter(title="Cohort 2026/27").count() == 0
