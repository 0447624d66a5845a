"""The reviewer, in the German admin, reads the whole application and the CV in the page,
saves a draft, then submits and lands on the next assignment; the Czech admin shows the same
page in Czech; the coordinator's inspect page and its history show the same time. Screenshots
at desktop, tablet (1024 px) and phone (390 px) width; axe-core on the reviewer's page."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page

from .axe import BLOCKING_IMPACTS, describe, run_axe
from .test_review_journey import COORDINATOR, REVIEWER, admin_login

pytestmark = pytest.mark.browser

WIDTHS = {"desktop": 1280, "tablet": 1024, "phone": 390}

#: Serious/critical axe findings that belong to Wagtail's own admin chrome, not to our page,
#: with the reason we accept them: {rule: (CSS selector prefix of the node, reason)}.
#: Empty: axe-core finds none on the reviewer's page (German and Czech admin).
WAGTAIL_OWN: dict[str, tuple[str, str]] = {}


def set_admin_language(live_site, username: str, language: str) -> None:
    live_site.query(
        "from django.contrib.auth import get_user_model\n"
        "from wagtail.users.models import UserProfile\n"
        f"profile = UserProfile.get_for_user(get_user_model().objects.get(username={username!r}))\n"
        f"profile.preferred_language = {language!r}\n"
        "profile.save()\n"
        "result = profile.preferred_language"
    )


def our_violations(page: Page) -> list[dict]:
    """Blocking axe violations, minus Wagtail's own documented ones (see WAGTAIL_OWN)."""
    blocking = []
    for violation in run_axe(page):
        if violation["impact"] not in BLOCKING_IMPACTS:
            continue
        own = WAGTAIL_OWN.get(violation["id"])
        nodes = [
            node
            for node in violation["nodes"]
            if not (own and any(str(t).startswith(own[0]) for t in node["target"]))
        ]
        if nodes:
            blocking.append({**violation, "nodes": nodes})
    return blocking


def settle_layout(page: Page) -> None:
    """Wait until a resize has been laid out: Wagtail's sidebar reacts to the new width on
    the next frames and slides the main column over with a CSS transition, and measuring
    meanwhile sees the old offset (the page looks cut off at phone width for some 200 ms)."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    page.wait_for_function(
        "() => document.getAnimations()"
        ".every(a => !(a instanceof CSSTransition) || a.playState !== 'running')",
        timeout=5000,
    )


def screenshots_at_every_width(page: Page, shots, step: str) -> None:
    for name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        settle_layout(page)
        shots.take(page, f"{step}-{name}")
        overflow = page.evaluate(
            "() => document.querySelector('.reviewer-page').scrollWidth"
            " - document.querySelector('.reviewer-page').clientWidth"
        )
        assert overflow <= 1, f"the page is cut off at {width} px"
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})


def test_reviewer_reads_answers_and_cv_saves_a_draft_and_submits(
    new_context, live_site, shots, artifacts
):
    set_admin_language(live_site, REVIEWER[0], "de")
    reviewer = admin_login(new_context(), REVIEWER)
    open_assignments = live_site.query(
        "from workflows.review.models import ReviewAssignment\n"
        "result = list(ReviewAssignment.objects.open().filter("
        f"reviewer__username={REVIEWER[0]!r}).order_by('due_on', 'pk')"
        ".values_list('pk', 'application_id'))"
    )
    assert len(open_assignments) >= 2, "the demo queues several reviews for the reviewer"
    assignment, application = open_assignments[0]
    reviewer.goto(f"/admin/reviews/assignment/{assignment}/")

    # German admin: German headings and rubric; the answers and the CV are in the page.
    assert reviewer.locator("html").get_attribute("lang") == "de"
    answers = reviewer.locator(".reviewer-page__answers dd")
    assert answers.count() >= 8
    assert reviewer.locator(".reviewer-page__answers dt").first.inner_text().strip()
    frame = reviewer.locator("iframe.reviewer-page__cv")
    cv = reviewer.request.get(frame.get_attribute("src"))
    assert cv.status == 200 and cv.headers["content-type"] == "application/pdf"
    assert cv.headers["content-disposition"].startswith("inline")
    assert cv.body().startswith(b"%PDF")
    levels = reviewer.locator(".reviewer-page__levels").first.inner_text()
    assert "5 –" in levels and "1 –" in levels
    screenshots_at_every_width(reviewer, shots, "reviewer-page-de")
    blocking = our_violations(reviewer)
    assert not blocking, describe(blocking)
    (artifacts / "axe-reviewer-page-de.json").write_text(json.dumps(run_axe(reviewer), indent=2))

    # A draft: one score and a comment, kept after the reload.
    form = reviewer.locator("form:has(button[name='action'][value='review'])")
    names = sorted(
        set(
            form.locator("input[type='radio'][name^='criterion_']").evaluate_all(
                "inputs => inputs.map(i => i.name)"
            )
        )
    )
    form.locator(f"input[name='{names[0]}'][value='4']").check()
    form.locator("textarea[name='comment']").fill("Halb fertig: Motivation überzeugt.")
    with reviewer.expect_navigation():
        form.locator("button[name='action'][value='draft']").click()
    shots.take(reviewer, "draft-saved")
    assert reviewer.locator("textarea[name='comment']").input_value() == (
        "Halb fertig: Motivation überzeugt."
    )
    assert reviewer.locator(f"input[name='{names[0]}'][value='4']").is_checked()

    # Submit: scores, recommendation; then the next assignment opens.
    for name in names:
        form.locator(f"input[name='{name}'][value='4']").check()
    form.locator("input[name='recommendation'][value='accept']").check()
    with reviewer.expect_navigation():
        form.locator("button[name='action'][value='review']").click()
    assert reviewer.url.endswith(f"/admin/reviews/assignment/{open_assignments[1][0]}/")
    shots.take(reviewer, "next-assignment")
    submitted = live_site.query(
        "from workflows.review.models import Review\n"
        f"result = Review.objects.filter(assignment_id={assignment}).values_list("
        "'comment', flat=True).first()"
    )
    assert submitted == "Halb fertig: Motivation überzeugt."

    # The same page in the Czech admin.
    set_admin_language(live_site, REVIEWER[0], "cs")
    reviewer.goto(f"/admin/reviews/assignment/{open_assignments[1][0]}/")
    assert reviewer.locator("html").get_attribute("lang") == "cs"
    screenshots_at_every_width(reviewer, shots, "reviewer-page-cs")
    blocking = our_violations(reviewer)
    assert not blocking, describe(blocking)

    # The coordinator's inspect page: the submission time and the history's first entry agree.
    coordinator = admin_login(new_context(), COORDINATOR)
    coordinator.goto(f"/admin/applications/inspect/{application}/")
    history_first = coordinator.locator("#application-history + table tbody tr time").first
    history_time = history_first.inner_text().strip()
    assert "(Europe/Prague)" in history_time
    assert history_time in coordinator.locator("main").inner_text()
    page_text = coordinator.locator("main").inner_text()
    assert page_text.count(history_time) >= 2, (history_time, page_text[:2000])
    shots.take(coordinator, "inspect-times-agree")
