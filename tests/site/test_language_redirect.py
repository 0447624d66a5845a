"""``/`` sends a reader to their language's home page, by the browser's Accept-Language."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("de-DE,de;q=0.9,en;q=0.5", "/de/"),
        ("cs,en;q=0.8", "/cs/"),
        ("cs-CZ", "/cs/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),  # a language we do not offer: English
        ("fr;q=0.9,de;q=0.8", "/de/"),  # the first language we do offer wins
    ],
)
def test_root_redirects_by_accept_language(client, home_page, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.django_db
def test_root_without_accept_language_goes_to_english(client, home_page):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


@pytest.mark.django_db
def test_redirect_target_serves_the_home_page_in_that_language(client, site_tree):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de", follow=True)

    assert response.redirect_chain == [("/de/", 302)]
    assert response.status_code == 200
    assert '<html lang="de"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v3/pages/999999/", "/api/v3/institutions/999999/"])
def test_api_not_found_stays_a_json_404(client, home_page, path):
    """Not bounced to /en/api/... by the language redirect."""
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")
    assert "Accept-Language" in response["Vary"]


@pytest.mark.django_db
def test_unknown_page_path_still_gets_its_language_prefix(client, home_page):
    response = client.get("/no-such-page/", HTTP_ACCEPT_LANGUAGE="cs")

    assert response.status_code == 302
    assert response["Location"] == "/cs/no-such-page/"
