"""A submission still waiting for the worker, as the applicant sees it in a real browser: the
thank-you page's promise about the confirmation email, then the portal dashboard in Czech and
German, on a desktop and a 390 px phone, with the waiting card beside the application.

The waiting submission is seeded behind the pages (the running site's worker accepts a real
one within seconds, too soon to look at) and deleted at the end, before the worker's schedule
(``accept_waiting``, two minutes) would try to accept its trimmed answers.
"""

from __future__ import annotations

import pytest

from .axe import assert_accessible
from .documents import make_cv_pdf
from .forms import fill
from .journeys import application_record, mentee_answers, sign_in_link, unique_email

pytestmark = pytest.mark.browser

SEED = """
from applications.models import Application, ReceivedSubmission
application = Application.objects.get(pk={application})
result = ReceivedSubmission.objects.create(
    cohort=application.cohort,
    role="mentor",
    language="cs",
    answers={{"email": {email!r}, "full_name": "Zuzana Čekalová"}},
).pk
"""

FORGET = """
from applications.models import ReceivedSubmission
result = ReceivedSubmission.objects.filter(pk={pk}).delete()[0]
"""


def test_a_waiting_submission_shows_on_the_dashboard_in_czech_and_german(
    context, phone_context, live_site, application_forms, shots, artifacts, browser_tmp
):
    email = unique_email("zuzana.cekalova", "example.cz")
    cv = make_cv_pdf(browser_tmp / "cv-waiting.pdf", "Zuzana Čekalová", "Amberg")
    page = context.new_page()
    page.goto(application_forms["en"]["mentee"])
    answers = mentee_answers(page, full_name="Zuzana Čekalová", email=email, cv=cv, language="cs")
    fill(page, answers)
    page.locator("#submit-application").click()
    page.wait_for_url("**?submitted=1")
    shots.take(page, "thank-you")
    sentence = page.locator("#confirmation-email")
    assert sentence.is_visible()
    assert "is on its way" in sentence.inner_text()
    assert_accessible(page, artifacts)

    application = application_record(live_site, email)["pk"]  # the worker accepted it
    link = sign_in_link(live_site, page, email, "cs")
    page.goto(link)
    page.locator("#sign-in-confirm").click()
    page.wait_for_url("**/cs/portal/")
    phone_context.add_cookies(context.cookies())  # the same applicant on her phone
    phone = phone_context.new_page()

    waiting = live_site.query(SEED.format(application=application, email=email))
    try:
        for language in ("cs", "de"):
            for name, tab in (("desktop", page), ("phone", phone)):
                tab.goto(f"/{language}/portal/")
                assert tab.locator("html").get_attribute("lang") == language
                card = tab.locator(f"#received-{waiting}")
                card.scroll_into_view_if_needed()
                shots.take(tab, f"dashboard-{language}-{name}")
                assert card.is_visible(), (language, name)
                assert tab.locator(f"#application-{application}").is_visible()
                assert card.locator("h2").inner_text().strip()
                assert card.locator(".application-card__status strong").is_visible()
                assert card.locator("time").is_visible()
                box = card.bounding_box()
                width = tab.viewport_size["width"]
                assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width
                assert tab.evaluate("document.documentElement.scrollWidth") <= width, (
                    f"the {language} dashboard scrolls sideways on the {name}"
                )
                assert_accessible(tab, artifacts)
    finally:
        live_site.query(FORGET.format(pk=waiting))
