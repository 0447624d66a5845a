"""The applicant portal in a real browser, against the running site and worker: a sign-in
link requested on the site, sent by the worker, opened and confirmed (POST), then the
application's status; axe on every portal page in English, Czech and German."""

from __future__ import annotations

import pytest

from .axe import assert_accessible
from .journeys import apply_as_mentee, is_sign_in_mail, sign_in_link, state_label
from .mail import wait_for_mail
from .pages import LANGUAGES

pytestmark = pytest.mark.browser


def test_applicant_signs_in_with_an_emailed_link_and_sees_the_status(
    context, live_site, application_forms, shots, artifacts, browser_tmp
):
    applicant = apply_as_mentee(
        context,
        live_site,
        application_forms["de"]["mentee"],
        full_name="Jürgen Größmann",
        language="de",
        directory=browser_tmp,
    )
    page = context.new_page()
    page.goto("/de/portal/")
    assert "/de/portal/sign-in/" in page.url, "the portal must ask who you are first"

    link = sign_in_link(live_site, page, applicant.email, "de")
    shots.take(page, "link-sent")
    [mail] = wait_for_mail(live_site.mail_dir, applicant.email, matching=is_sign_in_mail)
    assert mail.language == "de"
    assert "Größmann" in mail.body
    assert link.startswith(f"{live_site.base_url}/de/portal/sign-in/")

    # Opening the link (what a mail scanner also does) only shows a button ...
    page.goto(link)
    shots.take(page, "confirm")
    assert_accessible(page, artifacts)
    page.goto("/de/portal/")
    assert "/de/portal/sign-in/" in page.url, "a GET of the link must not sign in"
    # ... pressing it (a POST) signs in.
    page.goto(link)
    page.locator("#sign-in-confirm").click()
    page.wait_for_url("**/de/portal/")
    shots.take(page, "dashboard")
    assert page.locator("html").get_attribute("lang") == "de"
    card = page.locator(f"#application-{applicant.application}")
    assert card.is_visible()
    stored_state = card.get_attribute("data-state")
    assert stored_state
    status = card.locator(".application-card__status strong").inner_text().strip()
    assert status == state_label(live_site, applicant.application, "de")
    assert applicant.full_name in page.locator("main").inner_text()

    # The language switcher keeps the applicant on the portal, signed in.
    page.locator(".language-switcher a[hreflang='cs']").click()
    page.wait_for_url("**/cs/portal/")
    assert page.locator("html").get_attribute("lang") == "cs"
    czech_status = page.locator(f"#application-{applicant.application} .application-card__status")
    assert czech_status.locator("strong").inner_text().strip() == state_label(
        live_site, applicant.application, "cs"
    )

    # The link works once.
    page.goto(link)
    shots.take(page, "link-used")
    assert page.locator("#sign-in-confirm").count() == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_portal_pages_are_accessible(
    context, live_site, application_forms, shots, artifacts, browser_tmp, language
):
    """Sign-in (also with an error), link sent, confirm, dashboard and application detail."""
    page = context.new_page()
    page.goto(f"/{language}/portal/sign-in/")
    shots.take(page, "sign-in")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page, artifacts)

    page.locator("#sign-in-form [name='email']").fill("not an email address")
    page.locator("#sign-in-submit").click()
    page.wait_for_load_state()
    shots.take(page, "sign-in-error")
    email_input = page.locator("#sign-in-form [name='email']")
    assert email_input.input_value() == "not an email address", "the entry was lost"
    assert email_input.get_attribute("aria-invalid") == "true"
    assert_accessible(page, artifacts)

    applicant = apply_as_mentee(
        context,
        live_site,
        application_forms[language]["mentee"],
        full_name="Zdeňka Müllerová",
        language=language,
        directory=browser_tmp,
    )
    link = sign_in_link(live_site, page, applicant.email, language)
    shots.take(page, "sent")
    assert_accessible(page, artifacts)
    page.goto(link)
    assert_accessible(page, artifacts)
    page.locator("#sign-in-confirm").click()
    page.wait_for_url(f"**/{language}/portal/")
    shots.take(page, "dashboard")
    assert_accessible(page, artifacts)
    page.locator(f"#application-{applicant.application} h2 a").click()
    page.wait_for_url(f"**/{language}/portal/applications/{applicant.application}/")
    shots.take(page, "detail")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page, artifacts)
