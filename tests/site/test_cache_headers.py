"""A page-cache hit is answered by the first middleware, before the security, CSP, session,
locale, CSRF and authentication middleware run, so what it stored must be the whole answer:
the same bytes and the same headers (security headers and Content-Security-Policy included)
as a page rendered through the whole stack, under the same settings. A change of those
settings, a host that is not allowed, an http request that must be redirected and a response
that used a CSP nonce never get a stored answer."""

import logging

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory

from pagecache import rules, store

pytestmark = pytest.mark.django_db

#: Headers of one response only (the cache's verdict), not of the page.
PER_RESPONSE = {"x-page-cache"}


def headers(response) -> dict[str, str]:
    return {
        name.lower(): value for name, value in response.items() if name.lower() not in PER_RESPONSE
    }


def test_a_hit_has_the_bytes_and_headers_of_a_page_rendered_without_the_cache(
    client, home_page, settings
):
    url = home_page.get_url()
    miss = client.get(url)
    hit = client.get(url)
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    settings.PAGE_CACHE_SECONDS = 0
    rendered = client.get(url)
    assert "X-Page-Cache" not in rendered
    assert hit.content == miss.content == rendered.content
    assert headers(hit) == headers(miss) == headers(rendered)
    for name in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
        "Content-Language",
        "Vary",
    ):
        assert name in hit, name
    assert "Set-Cookie" not in hit


def test_a_hit_is_answered_before_the_security_sessions_and_authentication(client, home_page):
    url = home_page.get_url()
    miss = client.get(url)
    hit = client.get(url)
    for name in ("csp_nonce", "session", "user"):
        assert hasattr(miss.wsgi_request, name), name
    assert hit["X-Page-Cache"] == "hit"
    assert not hasattr(hit.wsgi_request, "csp_nonce")  # the CSP middleware did not run
    assert not hasattr(hit.wsgi_request, "session")
    assert not hasattr(hit.wsgi_request, "user")


def test_a_changed_security_setting_is_never_answered_with_the_old_headers(
    client, home_page, settings
):
    url = home_page.get_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    settings.SECURE_REFERRER_POLICY = "no-referrer"
    client = Client()  # a new handler: SecurityMiddleware reads its settings when created
    answer = client.get(url)
    assert answer["X-Page-Cache"] == "miss"
    assert answer["Referrer-Policy"] == "no-referrer"
    hit = client.get(url)
    assert (hit["X-Page-Cache"], hit["Referrer-Policy"]) == ("hit", "no-referrer")


def test_a_host_that_is_not_allowed_is_refused_every_time(client, home_page, settings):
    url = home_page.get_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    settings.ALLOWED_HOSTS = ["testserver"]
    for _ in range(2):
        refused = client.get(url, HTTP_HOST="elsewhere.example")
        assert refused.status_code == 400
        assert "X-Page-Cache" not in refused
        assert "Content-Security-Policy" in refused  # the security middleware still ran


def test_an_http_request_is_still_redirected_when_https_requests_are_redirected(
    client, home_page, settings
):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    url = home_page.get_url()
    for _ in range(2):
        assert client.get(url, secure=True)["Strict-Transport-Security"] == "max-age=3600"
    hit = client.get(url, secure=True)
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Strict-Transport-Security"] == "max-age=3600"
    for _ in range(2):
        redirect = client.get(url)
        assert redirect.status_code == 301
        assert redirect["Location"].startswith("https://")


def test_a_response_that_used_a_csp_nonce_is_not_stored(rf: RequestFactory):
    request = rf.get("/en/")
    assert rules.final_response_is_storable(request, HttpResponse("page"))
    request._csp_nonce = "abc"
    assert not rules.final_response_is_storable(request, HttpResponse("page"))


def test_an_unreadable_cache_renders_the_page(client, home_page, monkeypatch, caplog):
    url = home_page.get_url()
    client.get(url)

    def broken(_key):
        raise ConnectionError("cache down")

    monkeypatch.setattr(store, "fetch", broken)
    with caplog.at_level(logging.WARNING, logger="pagecache.middleware"):
        response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response
    assert "Page cache not read" in caplog.text


def test_a_stored_page_is_pickled_without_what_this_process_prepared_for_hits():
    page = store.StoredPage(200, (("Content-Type", "text/html; charset=utf-8"),), b"page", 1.0)
    first = page.response()
    assert first["X-Page-Cache"] == "hit"
    first["X-Extra"] = "changed"  # a hit's response is its own
    import pickle

    again = pickle.loads(pickle.dumps(page))  # noqa: S301 - our own bytes
    assert "_hit_headers" not in vars(again)
    assert again == page
    second = page.response()
    assert "X-Extra" not in second
    assert second.content == b"page" and second["Content-Type"] == "text/html; charset=utf-8"
