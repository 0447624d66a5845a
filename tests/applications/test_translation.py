"""A form translated with wagtail-localize answers under the same keys into the same cohort."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from applications.models import Application
from tests.applications.conftest import accept_received, make_pdf, valid_answers

PREFIX = {"de": "[de] ", "cs": "[cs] "}


def translate(instance, locales, capture):
    """Translate every string segment of ``instance`` (as a translator would) and publish.

    wagtail-localize publishes in ``on_commit``; ``capture`` runs those callbacks here."""
    with capture(execute=True):
        TranslationCreator(None, list(locales.values())).create_translations(instance)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    for code, locale in locales.items():
        for segment in source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": PREFIX[code] + segment.string.data},
            )
        with capture(execute=True):
            source.translations.get(target_locale=locale).save_target(publish=True)
    return source


@pytest.fixture
def translated_form(mentee_form, cohort, locales, django_capture_on_commit_callbacks):
    targets = {"de": locales["de"], "cs": locales["cs"]}
    translate(cohort, targets, django_capture_on_commit_callbacks)
    source = translate(mentee_form, targets, django_capture_on_commit_callbacks)
    return source


@pytest.mark.django_db
def test_keys_and_choice_values_are_not_translation_segments(translated_form):
    paths = [s.context.path for s in translated_form.stringsegment_set.select_related("context")]
    assert any(path.endswith(".label") for path in paths)  # labels are translated
    assert not any(path.endswith(".key") or path.endswith(".value") for path in paths)
    assert not any(path.endswith(".question") for path in paths)


@pytest.mark.django_db
def test_german_and_czech_submissions_land_in_one_cohort_under_the_same_keys(
    client, translated_form, mentee_form, cohort, institutions, locales
):
    de_page = mentee_form.get_translation(locales["de"])
    cs_page = mentee_form.get_translation(locales["cs"])
    # The translated copies show translated labels and choice labels ...
    de_labels = [
        q.get("fields", [{}])[0].get("label")
        for q in de_page.specific.form_definition()["questions"]
        if q["type"] != "heading"
    ]
    assert "[de] How did you hear about us?" in de_labels
    response = client.get(de_page.url)
    assert "[de] From a friend" in response.content.decode()

    submitted = []
    for page, email, language in [
        (de_page, "max@example.de", "de"),
        (cs_page, "jana@example.cz", "cs"),
    ]:
        data = valid_answers("mentee", institutions["oth"], email=email, language=language)
        data["cv"] = SimpleUploadedFile("lebenslauf.pdf", make_pdf(), "application/pdf")
        response = client.post(page.url, data)
        assert response.status_code == 302, response.content.decode()[:3000]
        assert accept_received() == 1
        submitted.append(Application.objects.get(person__email=email))

    german, czech = submitted
    assert german.cohort_id == czech.cohort_id == cohort.pk  # the English source cohort
    assert german.language == "de" and czech.language == "cs"
    assert set(german.answers) == set(czech.answers)
    assert german.answers["heard_from"] == czech.answers["heard_from"] == "friend"
    assert german.answers["institution"] == str(institutions["oth"].translation_key)
    # ... and each keeps the form it answered, in its language.
    assert german.form_snapshot["locale"] == "de"
    assert czech.form_snapshot["locale"] == "cs"
    assert "[cs] " in str(czech.form_snapshot["questions"])
    assert german.profile.institution == institutions["oth"]


@pytest.mark.django_db
def test_translated_taxonomy_shows_in_the_form_language_and_stores_the_source(
    client, mentee_form, disciplines, institutions, locales
):
    czech_page = mentee_form.copy_for_translation(locales["cs"], copy_parents=True)
    czech_page.save_revision().publish()
    informatika = disciplines["informatics"].copy_for_translation(locales["cs"])
    informatika.name = "Informatika"
    informatika.save()
    zcu = institutions["uwb"].copy_for_translation(locales["cs"])
    zcu.name = "Západočeská univerzita v Plzni"
    zcu.save()

    body = client.get(czech_page.url).content.decode()
    assert "Informatika" in body and "Západočeská univerzita v Plzni" in body
    assert "Mechanical engineering" in body  # untranslated entries fall back to English

    data = valid_answers("mentee", zcu)  # the Czech copy's translation key is the same
    data["cv"] = SimpleUploadedFile("cv.pdf", make_pdf(), "application/pdf")
    assert client.post(czech_page.url, data).status_code == 302
    assert accept_received() == 1
    profile = Application.objects.get().profile
    assert profile.institution == institutions["uwb"]
    assert list(profile.disciplines.all()) == [disciplines["informatics"]]
