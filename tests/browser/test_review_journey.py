"""From application to decision across four people, each in their own browser: an applicant
applies in German, a coordinator assigns a reviewer in the Wagtail admin, the reviewer scores
the application there, the coordinator accepts it, and the applicant sees the decision in the
portal and gets the email in German. The running worker sends every email."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Page

from .axe import assert_accessible
from .journeys import apply_as_mentee, sign_in_link, state_label
from .mail import wait_for_mail

pytestmark = pytest.mark.browser

#: The demo's logins (site/demo/content/users.py; public passwords, demo only).
COORDINATOR = ("coordinator", "careersteps-coordinator")
REVIEWER = ("reviewer", "careersteps-reviewer")
REVIEWER_SURNAME = "Bauer"


def admin_login(context: BrowserContext, credentials: tuple[str, str]) -> Page:
    page = context.new_page()
    page.goto("/admin/login/")
    page.locator("input[name='username']").fill(credentials[0])
    page.locator("input[name='password']").fill(credentials[1])
    page.locator("form button[type='submit']").first.click()
    page.wait_for_url("**/admin/")
    return page


def post_form(page: Page, action: str):
    """The admin form whose hidden ``action`` input is ``action``."""
    return page.locator(f"form:has(input[name='action'][value='{action}'])")


def test_reviewed_and_accepted_applicant_sees_the_decision(
    new_context, live_site, application_forms, shots, artifacts, browser_tmp
):
    applicant_context, coordinator_context, reviewer_context = (new_context() for _ in "abc")
    applicant = apply_as_mentee(
        applicant_context,
        live_site,
        application_forms["de"]["mentee"],
        full_name="Lea Dvořáková-Schütz",
        language="de",
        directory=browser_tmp,
    )
    application_url = f"/admin/reviews/application/{applicant.application}/"

    # The coordinator assigns the reviewer.
    coordinator = admin_login(coordinator_context, COORDINATOR)
    coordinator.goto(application_url)
    shots.take(coordinator, "coordinator-application")
    assign = post_form(coordinator, "assign")
    reviewer_select = assign.locator("select[name='reviewer']")
    option = reviewer_select.locator("option", has_text=REVIEWER_SURNAME).first
    reviewer_select.select_option(option.get_attribute("value"))
    assign.locator("button[type='submit']").click()
    coordinator.wait_for_load_state()
    shots.take(coordinator, "reviewer-assigned")
    assert coordinator.locator("table.listing", has_text=REVIEWER_SURNAME).count() == 1

    # The reviewer finds it under "My reviews" and fills in the rubric.
    reviewer = admin_login(reviewer_context, REVIEWER)
    assignment = live_site.query(
        "from workflows.review.models import ReviewAssignment\n"
        "result = ReviewAssignment.objects.get("
        f"application_id={applicant.application}, reviewer__username={REVIEWER[0]!r}).pk"
    )
    reviewer.goto("/admin/reviews/mine/")
    shots.take(reviewer, "my-reviews")
    link = reviewer.locator(f"a[href$='/admin/reviews/assignment/{assignment}/']")
    row = reviewer.locator("table.listing tr", has=link)
    assert applicant.full_name in row.inner_text()
    link.click()
    reviewer.wait_for_url(f"**/admin/reviews/assignment/{assignment}/")
    review = reviewer.locator("form:has(button[name='action'][value='review'])")
    for name in set(
        review.locator("input[type='radio'][name^='criterion_']").evaluate_all(
            "inputs => inputs.map(i => i.name)"
        )
    ):
        review.locator(f"input[name='{name}'][value='4']").check()
    review.locator("input[name='recommendation'][value='accept']").check()
    review.locator("textarea[name='comment']").fill("Überzeugende Motivation, passt gut.")
    shots.take(reviewer, "review-filled")
    # Submitting opens the next assignment (the demo queues others), or My reviews.
    with reviewer.expect_navigation():
        review.locator("button[name='action'][value='review']").click()
    assert f"/admin/reviews/assignment/{assignment}/" not in reviewer.url
    shots.take(reviewer, "review-submitted")

    # The coordinator sees the review and accepts the application.
    coordinator.goto(application_url)
    assert "Überzeugende Motivation" in coordinator.locator("table.listing").inner_text()
    decide = post_form(coordinator, "decide")
    # Nothing is preselected: neither a decision nor the email to the applicant.
    choices = decide.locator("input[name='decision']")
    assert choices.count() >= 2
    assert not any(choices.nth(i).is_checked() for i in range(choices.count()))
    assert not decide.locator("input[name='email_applicant']").is_checked()
    decide.locator("input[name='decision'][value='accept']").check()
    decide.locator("textarea[name='message']").fill("Herzlich willkommen bei careerSTEPS!")
    decide.locator("input[name='email_applicant']").check()
    decide.locator("button[type='submit']").click()
    coordinator.wait_for_load_state()
    shots.take(coordinator, "decided")

    # The applicant gets the decision by email, in German, from the worker ...
    [decision_mail] = wait_for_mail(
        live_site.mail_dir,
        applicant.email,
        matching=lambda mail: "Herzlich willkommen bei careerSTEPS!" in mail.body,
    )
    assert decision_mail.language == "de"
    # ... and sees it in the portal.
    page = applicant_context.new_page()
    page.goto(sign_in_link(live_site, page, applicant.email, "de"))
    page.locator("#sign-in-confirm").click()
    page.wait_for_url("**/de/portal/")
    shots.take(page, "applicant-sees-decision")
    card = page.locator(f"#application-{applicant.application}")
    assert card.get_attribute("data-state") == "accepted"
    status = card.locator(".application-card__status strong").inner_text().strip()
    assert status == state_label(live_site, applicant.application, "de")
    assert_accessible(page, artifacts)
