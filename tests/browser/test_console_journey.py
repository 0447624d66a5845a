"""The staff console, end to end: a German applicant applies; the coordinator opens the intake
dashboard, follows "needs reviewers" and assigns reviewers in bulk; then follows "ready to
decide" and accepts from the listing, with nothing preselected. Screenshots in Czech and
German, desktop and phone width; axe-core on each console screen."""

from __future__ import annotations

import pytest

from .axe import assert_accessible
from .journeys import apply_as_mentee
from .test_review_journey import COORDINATOR, admin_login

pytestmark = pytest.mark.browser


def admin_language(live_site, username: str, language: str) -> None:
    live_site.query(
        "from django.contrib.auth import get_user_model\n"
        "from wagtail.users.models import UserProfile\n"
        f"user = get_user_model().objects.get(username={username!r})\n"
        "profile = UserProfile.get_for_user(user)\n"
        f"profile.preferred_language = {language!r}\n"
        "profile.save()\n"
        "result = profile.preferred_language"
    )


def open_queue(page, queue: str) -> None:
    """Follow the first (open) cohort's link for ``queue`` on the intake dashboard."""
    link = page.locator(f"[data-queue='{queue}'] a").first
    link.click()
    page.wait_for_load_state()


def select_all_and_act(page, action: str) -> None:
    page.locator("[data-bulk-action-select-all-checkbox]").first.check()
    page.locator(f"a[data-bulk-action-button][href*='/{action}/']").first.click()
    page.wait_for_load_state()


def test_dashboard_queues_bulk_assignment_and_decision(
    new_context, phone_context, live_site, application_forms, browser_tmp, shots, artifacts
):
    apply_as_mentee(
        new_context(),
        live_site,
        application_forms["de"]["mentee"],
        full_name="Lena Würzburger",
        language="de",
        directory=browser_tmp,
    )
    admin_language(live_site, COORDINATOR[0], "cs")
    coordinator = admin_login(new_context(), COORDINATOR)
    coordinator.goto("/admin/intake/")
    shots.take(coordinator, "cs-dashboard")
    assert_accessible(coordinator, artifacts)
    needs = coordinator.locator("[data-queue='needs_reviewers'] .intake__count").first
    assert int(needs.inner_text()) >= 1

    open_queue(coordinator, "needs_reviewers")
    assert "Lena Würzburger" in coordinator.locator("main").inner_text()
    shots.take(coordinator, "cs-needs-reviewers")
    select_all_and_act(coordinator, "auto_assign")
    shots.take(coordinator, "cs-assign-confirm")
    coordinator.locator("form[action*='auto_assign'] button[type='submit']").click()
    coordinator.wait_for_load_state()
    shots.take(coordinator, "cs-assign-result")
    assigned = live_site.query(
        "from applications.models import Application\n"
        "a = Application.objects.get(person__full_name='Lena Würzburger')\n"
        "result = [a.state, a.review_assignments.count()]"
    )
    assert assigned[1] >= 1, assigned

    coordinator.goto("/admin/intake/")
    open_queue(coordinator, "ready_to_decide")
    shots.take(coordinator, "cs-ready-to-decide")
    select_all_and_act(coordinator, "decide")
    decision = coordinator.locator("input[name='decision']")
    assert decision.count() >= 2
    assert not any(decision.nth(i).is_checked() for i in range(decision.count()))
    shots.take(coordinator, "cs-decide-form")
    assert_accessible(coordinator, artifacts)
    coordinator.locator("input[name='decision'][value='accept']").check()
    coordinator.locator("form[action*='decide'] button[type='submit']").click()
    coordinator.wait_for_load_state()
    assert coordinator.locator("[data-decided]").count() >= 1
    shots.take(coordinator, "cs-decided")

    admin_language(live_site, COORDINATOR[0], "de")
    phone = admin_login(phone_context, COORDINATOR)
    phone.goto("/admin/intake/")
    assert phone.locator("html").get_attribute("lang") == "de"
    shots.take(phone, "de-phone-dashboard")
    open_queue(phone, "needs_reviewers")
    shots.take(phone, "de-phone-needs-reviewers")
