"""The form's accessibility contract, which the browser tests rely on: every input has a
label, errors are linked to their inputs, and the error summary links to existing fields."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from applications.core import required_core_keys


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def visible_inputs(soup: BeautifulSoup):
    form = soup.find("form", id="application-form")
    for element in form.find_all(["input", "select", "textarea"]):
        if element.get("type") not in {"hidden", "submit"}:
            yield element


@pytest.mark.django_db
def test_every_input_has_a_label(client, mentee_form):
    soup = soup_of(client.get(mentee_form.url))
    inputs = list(visible_inputs(soup))
    assert len(inputs) > 30
    for element in inputs:
        assert soup.find("label", attrs={"for": element["id"]}), element


@pytest.mark.django_db
def test_an_empty_submission_links_every_error(client, mentee_form):
    response = client.post(mentee_form.url, {})
    assert response.status_code == 422
    soup = soup_of(response)
    summary = soup.find(id="error-summary")
    assert summary["role"] == "alert"
    links = summary.find_all("a")
    for key in required_core_keys("mentee"):
        assert soup.find(id=f"{key}-error"), key
    for link in links:
        target = soup.find(id=link["href"].removeprefix("#"))
        assert target is not None, link["href"]
        name = target["name"].removesuffix("_cs")
        error_id = f"{name}-error"
        assert error_id in target.get("aria-describedby", "").split(), target
        assert target.get("aria-invalid") == "true"
    hrefs = [link["href"] for link in links]
    assert "#id_mentoring_languages_0" in hrefs
    assert "#id_degree_level_0" in hrefs
    assert "#id_cv" in hrefs and "#id_availability_0" in hrefs


@pytest.mark.django_db
def test_labels_follow_the_language(client, mentee_form, locales):
    czech = mentee_form.copy_for_translation(locales["cs"], copy_parents=True)
    czech.save_revision().publish()
    soup = soup_of(client.get(czech.url))
    assert (
        soup.find("label", attrs={"for": "id_cv"})
        .get_text(strip=True)
        .startswith("Životopis (PDF)")
    )
    assert soup.find(id="submit-application").get_text(strip=True) == "Odeslat přihlášku"
