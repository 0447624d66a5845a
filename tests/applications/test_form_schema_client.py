"""A headless client that knows only the form's schema (GET /api/v3/forms/{id}/) can submit:
every field the server needs is named there, with the value a hidden field must carry; the
OpenAPI document describes the multipart body and the 201/400/404/422 answers."""

from __future__ import annotations

import pytest

from applications.models import Application
from tests.applications.conftest import make_pdf


def answers_from_schema(schema: dict, institution_name: str) -> tuple[dict, dict]:
    """What a generic client sends: each field by its ``input``, choosing the first choice
    (or the named institution), and a PDF for every file field."""
    data: dict = {}
    files: dict = {}
    for question in schema["questions"]:
        for field in question.get("fields") or []:
            name, kind = field["name"], field["input"]
            choices = [choice["value"] for choice in field.get("choices") or []]
            if kind == "hidden":
                data[name] = field["value"]
            elif not field["required"]:
                continue
            elif kind == "file":
                files[name] = make_pdf()
            elif kind == "checkbox":
                data[name] = "on"
            elif kind == "checkboxes":
                data[name] = choices[:2]
            elif kind == "language_levels":
                data[field["subfields"][0]] = field["levels"][-1]
            elif name == "institution":
                label_to_value = {c["label"]: c["value"] for c in field["choices"]}
                data[name] = label_to_value[institution_name]
            elif choices:
                data[name] = field.get("default") or choices[0]
            elif kind == "email":
                data[name] = "headless@example.org"
            elif kind == "number":
                data[name] = "1"
            elif kind == "date":
                data[name] = "2026-01-01"
            else:
                data[name] = "An answer"
    return data, files


@pytest.mark.django_db
def test_a_client_built_only_from_the_schema_submits(client, mentee_form, institutions):
    from django.core.files.uploadedfile import SimpleUploadedFile

    schema = client.get(f"/api/v3/forms/{mentee_form.pk}/?locale=en").json()
    version = next(
        field
        for question in schema["questions"]
        for field in question.get("fields") or []
        if field["name"] == "privacy_notice_version"
    )
    assert version == {**version, "input": "hidden", "required": True, "value": "2026-09"}

    data, files = answers_from_schema(schema, "University of West Bohemia")
    for name, content in files.items():
        data[name] = SimpleUploadedFile("cv.pdf", content, content_type="application/pdf")
    response = client.post(f"/api/v3/forms/{mentee_form.pk}/submissions/?locale=en", data)
    assert response.status_code == 201, response.content
    assert Application.objects.filter(person__email="headless@example.org").count() == 1


@pytest.mark.django_db
def test_leaving_out_the_notice_version_names_the_version_to_agree_to(
    client, mentee_form, institutions
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    schema = client.get(f"/api/v3/forms/{mentee_form.pk}/").json()
    data, _files = answers_from_schema(schema, "University of West Bohemia")
    data.pop("privacy_notice_version")
    data["cv"] = SimpleUploadedFile("cv.pdf", make_pdf(), content_type="application/pdf")
    response = client.post(f"/api/v3/forms/{mentee_form.pk}/submissions/", data)
    assert response.status_code == 422
    assert "2026-09" in response.json()["errors"]["privacy_consent"][0]


@pytest.mark.django_db
def test_openapi_describes_the_multipart_body_and_every_answer(client):
    document = client.get("/api/v3/openapi.json").json()
    operation = document["paths"]["/api/v3/forms/{form_id}/submissions/"]["post"]
    body = operation["requestBody"]["content"]["multipart/form-data"]
    for name in ("full_name", "email", "cv", "privacy_consent", "privacy_notice_version"):
        assert name in body["schema"]["properties"]
    assert body["schema"]["properties"]["cv"]["format"] == "binary"
    assert body["example"]["privacy_notice_version"]
    for status in ("201", "400", "404", "422"):
        answer = operation["responses"][status]
        assert answer["content"]["application/json"]["example"], status
    detail = document["paths"]["/api/v3/forms/{form_id}/"]["get"]
    fields = document["components"]["schemas"]["FormField"]["properties"]
    assert {"name", "input", "value", "required"} <= set(fields)
    assert set(detail["responses"]) >= {"200", "400", "404"}
