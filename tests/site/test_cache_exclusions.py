"""What the page cache never stores or serves: pages for signed-in people, the portal, the
application forms (they carry a CSRF token and, after a refused POST, the applicant's errors),
the admin and previews, the API, and any answer that sets a cookie."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.applications.conftest import (  # noqa: F401 - fixtures used by the form test
    cohort,
    disciplines,
    institutions,
    mentee_form,
    privacy_notice,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def cache_header(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def test_the_application_form_is_never_stored(client, mentee_form):  # noqa: F811
    url = mentee_form.get_url()
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert cache_header(response) is None
        assert "csrfmiddlewaretoken" in response.content.decode()
    refused = client.post(url, {"full_name": ""})
    assert cache_header(refused) is None
    again = client.get(url)
    assert cache_header(again) is None


def test_a_signed_in_editor_always_gets_a_fresh_page(home_page):
    editor = UserFactory(username="editor-cache", is_superuser=True, is_staff=True)
    browser = Client()
    browser.force_login(editor)
    url = home_page.get_url()
    anonymous = Client()
    anonymous.get(url)
    assert cache_header(anonymous.get(url)) == "hit"
    for _ in range(2):
        response = browser.get(url)
        assert response.status_code == 200
        assert cache_header(response) is None  # the session cookie bypasses the cache


def test_the_portal_and_the_admin_are_never_cached(client, home_page):
    with translation.override("de"):
        sign_in = reverse("portal:sign_in")
    for url in (sign_in, sign_in, "/admin/login/", "/admin/login/"):
        assert cache_header(client.get(url)) is None, url


def test_the_api_is_not_cached(client, home_page):
    for _ in range(2):
        response = client.get("/api/v3/pages/", {"locale": "en"})
        assert response.status_code == 200
        assert cache_header(response) is None


def test_errors_and_redirects_are_not_stored(client, home_page):
    for _ in range(2):
        assert cache_header(client.get("/en/no-such-page/")) is None
    assert cache_header(client.get("/")) is None  # the language redirect


def test_only_page_and_feed_views_are_stored(rf, home_page):
    from django.http import HttpResponse
    from django.urls import resolve

    from pagecache import rules

    for path, stored in (("/en/", True), ("/en/portal/", False), ("/en/portal/sign-in/", False)):
        request = rf.get(path)
        request.resolver_match = resolve(path)
        assert rules.response_is_cacheable(request, HttpResponse("page")) is stored, path
