"""The programme-year notice "submissions are waiting for the background worker", end to end:
a submission has waited ten minutes (its task lost, as when the worker is down), and its copy
nine; the global coordinator sees the notice with its explanation and the "Accept them now"
button in Czech on a desktop and in German on a phone, presses it, and reads how many became
applications (the copy became none, and the message says why); pressing it again from the
stale page accepts nothing. Screenshots of each step; axe-core on the notice."""

from __future__ import annotations

import pytest

from .axe import assert_accessible
from .journeys import unique_email
from .test_console_journey import admin_language
from .test_review_journey import COORDINATOR, admin_login

pytestmark = pytest.mark.browser

SCHEDULE = "careersteps-applications-accept-waiting"


def seed(email: str) -> str:
    """A submission copied from a demo mentee application (its answers as the form stores them,
    without file references), received ten minutes ago and never queued, and the same sent
    again a minute later (the applicant, hearing nothing, tried twice). The worker's
    every-five-minutes safety net is put off for an hour so it cannot take the submission
    first; its next run is returned to be restored."""
    return f"""
from datetime import timedelta
from django.utils import timezone
from django_q.models import Schedule
from applications.models import Application, ReceivedSubmission
source = (
    Application.objects.filter(role="mentee", form_page__isnull=False)
    .select_related("profile").order_by("pk").first()
)
answers = {{
    key: value for key, value in source.answers.items()
    if not (isinstance(value, dict) and "upload" in value)
}}
answers.update(email={email!r}, full_name="Vera Wartend")
schedule = Schedule.objects.get(name={SCHEDULE!r})
next_run = schedule.next_run.isoformat()
Schedule.objects.filter(pk=schedule.pk).update(next_run=timezone.now() + timedelta(hours=1))
for minutes_ago in (10, 9):
    ReceivedSubmission.objects.create(
        cohort=source.cohort,
        role=source.role,
        form_page=source.form_page,
        language=source.language,
        answers=answers,
        privacy_notice_version=source.profile.privacy_notice_version,
        form_snapshot=source.form_snapshot,
        received_at=timezone.now() - timedelta(minutes=minutes_ago),
    )
result = next_run
"""


def state(email: str) -> str:
    """How far the submission of ``email`` got: waiting, an application, a confirmation."""
    return f"""
from applications.models import Application, ReceivedSubmission
from workflows.notifications.models import OutboundEmail
result = {{
    "waiting": ReceivedSubmission.objects.filter(answers__email={email!r}).count(),
    "applications": Application.objects.filter(person__email={email!r}).count(),
    "emails": OutboundEmail.objects.filter(
        to={email!r}, template="application_submitted"
    ).count(),
    "already_applied": OutboundEmail.objects.filter(
        to={email!r}, template="application_duplicate"
    ).count(),
}}
"""


def restore_schedule(live_site, next_run: str) -> None:
    live_site.query(
        "from datetime import datetime\n"
        "from django_q.models import Schedule\n"
        f"Schedule.objects.filter(name={SCHEDULE!r})"
        f".update(next_run=datetime.fromisoformat({next_run!r}))\n"
        "result = True"
    )


def test_a_global_coordinator_accepts_waiting_submissions_now(
    new_context, phone_context, live_site, shots, artifacts
):
    email = unique_email("vera.wartend", "example.cz")
    next_run = live_site.query(seed(email))
    try:
        admin_language(live_site, COORDINATOR[0], "cs")
        desktop = admin_login(new_context(), COORDINATOR)
        desktop.goto("/admin/year/")
        assert desktop.locator("html").get_attribute("lang") == "cs"
        notice = desktop.locator("#submissions-waiting-notice")
        assert notice.locator("#submissions-waiting").is_visible()
        assert "manage.py qcluster" in notice.inner_text()
        assert notice.locator("#accept-waiting button[type='submit']").is_visible()
        shots.take(desktop, "cs-desktop-waiting")
        assert_accessible(desktop, artifacts)

        admin_language(live_site, COORDINATOR[0], "de")
        phone = admin_login(phone_context, COORDINATOR)
        phone.goto("/admin/year/")
        assert phone.locator("html").get_attribute("lang") == "de"
        button = phone.locator("#accept-waiting button[type='submit']")
        assert button.is_visible()
        box = button.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        shots.take(phone, "de-phone-waiting")
        assert_accessible(phone, artifacts)

        button.click()
        phone.wait_for_load_state()
        assert phone.url.endswith("/admin/year/")
        success = phone.locator(".messages .success")
        assert success.count() == 1 and "1" in success.inner_text()
        # The second copy became no second application, and the message says so.
        repeated = phone.locator(".messages .info")
        assert repeated.count() == 1 and "keine neue Bewerbung" in repeated.inner_text()
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
        assert phone.locator("#submissions-waiting-notice").count() == 0
        shots.take(phone, "de-phone-accepted")
        assert live_site.query(state(email)) == {
            "waiting": 0,
            "applications": 1,
            "emails": 1,
            "already_applied": 1,
        }

        # The desktop page still shows the button: a second press accepts nothing.
        desktop.locator("#accept-waiting button[type='submit']").click()
        desktop.wait_for_load_state()
        assert desktop.locator(".messages .info").count() == 1
        assert desktop.locator("#submissions-waiting-notice").count() == 0
        shots.take(desktop, "de-desktop-pressed-again")
        assert live_site.query(state(email)) == {
            "waiting": 0,
            "applications": 1,
            "emails": 1,
            "already_applied": 1,
        }
    finally:
        restore_schedule(live_site, next_run)
