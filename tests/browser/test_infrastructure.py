"""The browser-test harness itself: a real site and a real worker share one database."""

import pytest

from .mail import wait_for_mail

pytestmark = pytest.mark.browser


def test_worker_sends_mail_the_site_queued(live_site):
    """A task enqueued in the shared database is run by the qcluster process, and its email
    lands in the filebased mail directory the tests read sign-in links from."""
    live_site.manage(
        "shell",
        "-c",
        "from django_q.tasks import async_task;"
        "async_task('django.core.mail.send_mail', 'Probe Jürgen', 'Grüße aus Plzeň',"
        " 'careersteps@example.org', ['probe@example.org'])",
    )
    [mail] = wait_for_mail(live_site.mail_dir, "probe@example.org")
    assert mail.subject == "Probe Jürgen"
    assert "Grüße aus Plzeň" in mail.body


def test_site_serves_the_english_home_page(page, live_site, shots):
    response = page.goto("/en/")
    assert response is not None and response.status == 200, live_site.log("site")
    shots.take(page, "home")
    assert page.locator("html").get_attribute("lang") == "en"
