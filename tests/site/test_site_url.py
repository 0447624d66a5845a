"""One source of the site's address: SITE_URL feeds emails, the Wagtail Site record, the API's
html_url, the forms list's url and the iCal feed's event links."""

import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import override_settings
from icalendar import Calendar
from wagtail.models import Site

from base.site_url import sync_site_record
from tests.applications.conftest import (  # noqa: F401 - fixtures
    cohort,
    disciplines,
    institutions,
    mentee_form,
    privacy_notice,
    valid_answers,
)

ROOT = Path(__file__).resolve().parents[2]
PORT_8123 = "http://127.0.0.1:8123"


@pytest.fixture
def site_tree(site_tree_per_test):
    """Built in each test here, not shared by the module: this module's other tests make their
    own cohort, form and institutions (tests/applications), which must not meet the tree's."""
    return site_tree_per_test


@pytest.fixture
def on_port_8123(db):
    with override_settings(SITE_URL=PORT_8123):
        sync_site_record()
        yield
    sync_site_record()


def test_settings_read_site_url_from_the_environment(tmp_path):
    code = (
        "import sys; sys.path.insert(0, 'site'); import os;"
        "os.environ['DJANGO_SETTINGS_MODULE']='careersteps.settings.base';"
        "from django.conf import settings; print(settings.SITE_URL, settings.WAGTAILADMIN_BASE_URL)"
    )
    env = {
        "PATH": "/usr/bin:/bin",
        "CAREERSTEPS_VAR_DIR": str(tmp_path),
        "SITE_URL": PORT_8123 + "/",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == [PORT_8123, PORT_8123]


def test_production_refuses_to_start_without_site_url(tmp_path):
    code = "import sys; sys.path.insert(0, 'site'); import careersteps.settings.production"
    env = {
        "PATH": "/usr/bin:/bin",
        "CAREERSTEPS_VAR_DIR": str(tmp_path),
        "ALLOWED_HOSTS": "example.org",
        "SECRET_KEY": "s" * 60,
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


@pytest.mark.django_db
def test_the_site_record_follows_site_url(on_port_8123):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert site.root_url == PORT_8123
    assert sync_site_record() is False  # already in step: nothing written


@pytest.mark.django_db
def test_the_first_request_of_a_process_syncs_the_site_record(client):
    from django.core.signals import request_started

    from base import site_url

    Site.objects.update(hostname="localhost", port=80)
    request_started.connect(
        site_url.sync_on_first_request, weak=False, dispatch_uid=site_url.FIRST_REQUEST_UID
    )
    with override_settings(SITE_URL=PORT_8123):
        client.get("/api/v3/forms/")
        site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    sync_site_record()


@pytest.mark.django_db
def test_an_email_links_to_the_configured_port(
    client,
    mentee_form,  # noqa: F811
    institutions,  # noqa: F811
    run_tasks_inline,
    on_port_8123,
):
    data = {**valid_answers("mentee", institutions["uwb"]), "action": "save_draft"}
    client.post(mentee_form.url, data)
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert f"{PORT_8123}/cs/applications/drafts/" in body or f"{PORT_8123}/" in body
    assert "127.0.0.1:8000" not in body and "localhost" not in body


@pytest.mark.django_db
def test_api_html_url_and_forms_list_use_the_configured_host(
    client,
    site_tree,
    mentee_form,  # noqa: F811
    on_port_8123,
):
    page = site_tree.page("article", "de")
    data = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert data["meta"]["html_url"] == PORT_8123 + page.url
    forms = client.get("/api/v3/forms/?locale=en").json()
    assert forms and all(item["url"].startswith(PORT_8123 + "/en/") for item in forms)


@pytest.mark.django_db
def test_feed_event_links_use_the_configured_host(client, site_tree, on_port_8123):
    index = site_tree.page("events_index", "cs")
    calendar = Calendar.from_ical(client.get(index.url + "feed.ics").content)
    urls = [str(event["URL"]) for event in calendar.walk("VEVENT")]
    assert urls and all(url.startswith(PORT_8123 + "/cs/") for url in urls)


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["cs", "de", "en"])
def test_a_language_neutral_feed_address_serves_that_languages_feed(client, site_tree, code):
    by_slug = client.get(site_tree.page("events_index", code).url + "feed.ics")
    neutral = client.get(f"/{code}/feed.ics")
    assert neutral.status_code == 200
    assert neutral["Content-Type"].startswith("text/calendar")
    assert neutral.content == by_slug.content
