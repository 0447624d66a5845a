"""The headless API: a form's schema in a requested language, and multipart submissions."""

from __future__ import annotations

import pytest

from applications.models import Application
from tests.applications.conftest import pdf_upload, valid_answers


@pytest.fixture
def german_form(mentee_form, locales):
    german = mentee_form.copy_for_translation(locales["de"], copy_parents=True)
    german.title = "Als Mentee bewerben"
    german.save_revision().publish()
    return german


@pytest.mark.django_db
def test_the_schema_is_in_the_requested_language(client, mentee_form, german_form):
    by_param = client.get(f"/api/v3/forms/{mentee_form.pk}/?locale=de").json()
    by_header = client.get(f"/api/v3/forms/{mentee_form.pk}/", HTTP_ACCEPT_LANGUAGE="de").json()
    english = client.get(f"/api/v3/forms/{mentee_form.pk}/?locale=en").json()
    assert by_param == by_header
    assert by_param["title"] == "Als Mentee bewerben" and by_param["locale"] == "de"
    assert english["title"] == "Apply as a mentee"
    keys = [q["key"] for q in by_param["questions"] if "key" in q]
    assert keys == [q["key"] for q in english["questions"] if "key" in q]
    cv = next(q for q in english["questions"] if q.get("key") == "cv")["fields"][0]
    assert cv["input"] == "file" and cv["accept"] == ["application/pdf"]
    languages = next(q for q in english["questions"] if q.get("key") == "mentoring_languages")
    assert languages["fields"][0]["subfields"] == [
        "mentoring_languages_cs",
        "mentoring_languages_de",
        "mentoring_languages_en",
    ]


@pytest.mark.django_db
def test_unknown_locale_and_form(client, mentee_form):
    assert client.get(f"/api/v3/forms/{mentee_form.pk}/?locale=fr").status_code == 400
    assert client.get("/api/v3/forms/999999/").status_code == 404


@pytest.mark.django_db
def test_the_listing_shows_live_forms(client, mentee_form, mentor_form):
    listing = client.get("/api/v3/forms/?locale=en").json()
    assert {item["role"] for item in listing} == {"mentee", "mentor"}
    assert all(item["open"] for item in listing)


@pytest.mark.django_db
def test_a_multipart_submission_answers_201(client, mentee_form, german_form, institutions, cohort):
    data = {**valid_answers("mentee", institutions["uwb"], language="de"), "cv": pdf_upload()}
    response = client.post(f"/api/v3/forms/{mentee_form.pk}/submissions/?locale=de", data)
    assert response.status_code == 201, response.content
    body = response.json()
    application = Application.objects.get()
    assert body["state"] == "submitted"
    assert application.cohort == cohort and application.language == "de"
    assert application.form_snapshot["title"] == "Als Mentee bewerben"


@pytest.mark.django_db
def test_field_errors_are_keyed_by_stable_keys_and_translated(client, mentee_form, institutions):
    data = valid_answers("mentee", institutions["elsewhere"])
    data.pop("faculty")
    data["cv"] = pdf_upload()
    url = f"/api/v3/forms/{mentee_form.pk}/submissions/?locale=de"
    response = client.post(url, data)
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert set(errors) == {"faculty"}
    assert "Feld" in errors["faculty"][0]  # Django's "This field is required." in German
    kept = response.json()["kept_uploads"]["cv"]

    # Fixing the field without re-sending the file: the institution rule refuses next.
    data.pop("cv")
    data["faculty"] = "Fakultät"
    data["cv__upload"] = kept
    response = client.post(url, data)
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"institution"}
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_non_multipart_body_is_400(client, mentee_form):
    response = client.post(
        f"/api/v3/forms/{mentee_form.pk}/submissions/", {"a": 1}, content_type="application/json"
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_the_operations_are_documented(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "/api/v3/forms/{form_id}/" in paths
    submit = paths["/api/v3/forms/{form_id}/submissions/"]["post"]
    assert "multipart/form-data" in submit["requestBody"]["content"]
    assert {"201", "422"} <= set(submit["responses"])
