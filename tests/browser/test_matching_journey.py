"""Matching, end to end: the coordinator runs matching for the open cohort in the admin, reads
one pair's explanation ("why not another mentor?"), approves the pair; the mentee (German) and
the mentor (Czech) are emailed in their languages by the worker and confirm in the portal.
Screenshots at desktop and phone width."""

from __future__ import annotations

import pytest

from .axe import assert_accessible
from .journeys import sign_in_link
from .mail import wait_for_mail
from .test_review_journey import COORDINATOR, admin_login

pytestmark = pytest.mark.browser

MENTEE_EMAIL = "johanna.lindner@oth-aw.example.de"  # accepted in the demo's open intake (de)


def confirm_in_portal(context, live_site, email: str, language: str, shots, artifacts, step):
    """Sign in with the emailed link, open the tandem from the approval email, confirm."""
    [approval] = wait_for_mail(
        live_site.mail_dir,
        email,
        matching=lambda mail: any("/portal/matches/" in link for link in mail.links()),
    )
    assert approval.language == language
    match_link = next(link for link in approval.links() if "/portal/matches/" in link)
    assert f"/{language}/portal/matches/" in match_link
    page = context.new_page()
    page.goto(sign_in_link(live_site, page, email, language))
    page.locator("#sign-in-confirm").click()
    page.wait_for_url(f"**/{language}/portal/")
    page.goto(match_link)
    shots.take(page, f"{step}-before")
    assert_accessible(page, artifacts)
    page.locator("#match-confirm").click()
    page.wait_for_load_state()
    shots.take(page, f"{step}-after")
    return page.locator("#match-status").get_attribute("data-state")


def test_coordinator_matches_and_both_confirm_in_their_languages(
    new_context, phone_context, live_site, shots, artifacts
):
    cohort = live_site.query(
        "from applications.models import Application\n"
        f"result = Application.objects.get(person__email={MENTEE_EMAIL!r}).cohort_id"
    )
    coordinator = admin_login(new_context(), COORDINATOR)
    coordinator.goto("/admin/matching/")
    shots.take(coordinator, "matching-cohorts")
    coordinator.locator(f"a[href$='/admin/matching/{cohort}/']").click()
    coordinator.wait_for_url(f"**/admin/matching/{cohort}/")
    coordinator.locator("#start-run").click()
    coordinator.wait_for_selector("#run-state[data-state='done']", timeout=90_000)
    shots.take(coordinator, "proposal")

    # One pair's explanation: the score by criterion, then "why not another mentor?".
    pair = live_site.query(
        "from workflows.matching.models import Match\n"
        f"m = Match.objects.get(mentee_application__person__email={MENTEE_EMAIL!r}, "
        "state='proposed')\n"
        "other = Match.objects.filter(cohort_id=m.cohort_id).exclude("
        "mentor_application=m.mentor_application).first()\n"
        "result = [m.pk, m.mentee_application_id, m.mentor_application.person.email, "
        "other.mentor_application_id if other else None]"
    )
    match_id, mentee_application, mentor_email, other_mentor = pair
    row = coordinator.locator(f"#proposal-{match_id}")
    row.locator(".pair-explanation summary").click()
    assert row.locator(".pair-explanation tbody tr").count() == 6  # one per criterion
    shots.take(coordinator, "pair-explanation")
    row.locator("a.why-not").click()
    coordinator.wait_for_url("**/why-not/**")
    if other_mentor:
        coordinator.locator("#why-not-mentor").select_option(str(other_mentor))
        coordinator.locator("#why-not-ask").click()
        coordinator.wait_for_selector("#why-not-answer")
        assert coordinator.locator("#why-not-answer p").inner_text().strip()
    shots.take(coordinator, "why-not")
    coordinator.go_back()
    coordinator.go_back()
    coordinator.goto(f"/admin/matching/{cohort}/")

    # Approve that pair.
    coordinator.locator(f"#match-{match_id}").check()
    coordinator.locator("#approve-selected").click()
    coordinator.wait_for_selector(f"#committed-{match_id}[data-state='approved']")
    shots.take(coordinator, "approved")

    # The mentee confirms in German (desktop), the mentor in Czech (phone width).
    assert (
        confirm_in_portal(
            new_context(), live_site, MENTEE_EMAIL, "de", shots, artifacts, "mentee-de"
        )
        == "mentee_confirmed"
    )
    assert (
        confirm_in_portal(
            phone_context, live_site, mentor_email, "cs", shots, artifacts, "mentor-cs-phone"
        )
        == "confirmed"
    )
    states = live_site.query(
        "from applications.models import Application\n"
        f"result = list(Application.objects.filter(pk__in=[{mentee_application}], "
        ").values_list('state', flat=True))"
    )
    assert states == ["matched"]
