"""Content-Security-Policy is enforced everywhere, strict outside the admin; check --deploy is
clean and production refuses to start without SITE_URL."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from applications.models import Upload
from portal.session import SESSION_KEY as PORTAL_SESSION_KEY
from tests.applications.conftest import accept_received, pdf_upload, valid_answers

HEADER = "Content-Security-Policy"


def directives(response) -> dict[str, list[str]]:
    policy = response[HEADER]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


def assert_strict(response) -> None:
    found = directives(response)
    assert found["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in found["script-src"]
    assert "'unsafe-inline'" not in found["style-src"]
    assert "'unsafe-eval'" not in found["script-src"]
    assert found["object-src"] == ["'none'"]
    assert found["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/en/portal/sign-in/", "/api/v3/pages/", "/nowhere/"])
def test_public_pages_portal_and_api_have_the_strict_policy(client, home_page, path):
    response = client.get(path, follow=True)
    assert HEADER in response
    assert_strict(response)


@pytest.mark.django_db
def test_a_cv_download_has_the_strict_policy(client, mentee_form, institutions):
    data = {**valid_answers("mentee", institutions["uwb"]), "cv": pdf_upload()}
    assert client.post(mentee_form.url, data).status_code == 302
    assert accept_received() == 1
    upload = Upload.objects.get()
    session = client.session
    session[PORTAL_SESSION_KEY] = upload.application.person_id
    session.save()
    response = client.get(f"/en/applications/files/{upload.pk}/")
    assert response.status_code == 200
    assert_strict(response)


@pytest.mark.django_db
def test_the_admin_allows_only_its_own_inline_code(client):
    response = client.get("/admin/login/")
    found = directives(response)
    assert found["default-src"] == ["'self'"]
    assert found["object-src"] == ["'none'"]
    assert found["frame-ancestors"] == ["'self'"]
    assert not any(source.startswith("http") for source in found["script-src"])


def test_the_error_page_style_is_allowed_by_its_hash():
    from careersteps.content_security import error_page_style_hashes

    assert len(error_page_style_hashes()) == 1


def manage(*args, **env):
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "careersteps.settings.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "mentoring.example.org",
    "SITE_URL": "https://mentoring.example.org",
}


def test_check_deploy_is_clean():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_site_url():
    env = {**PRODUCTION, "SITE_URL": ""}
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


@pytest.mark.django_db
def test_the_admin_refuses_inline_event_handlers_and_loads_nothing_from_elsewhere(client):
    """Wagtail 8 still needs inline <script> elements in its editors, but no onclick= handlers
    or javascript: URLs; avatars and the update check would come from other origins."""
    from tests.factories import UserFactory

    assert directives(client.get("/admin/login/"))["script-src-attr"] == ["'none'"]
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    body = client.get("/admin/").content.decode()
    assert "gravatar.com" not in body
    assert "releases.wagtail.org" not in body
