"""My consents in a real browser: an applicant who applied (in German) signs in, finds the
consent the form recorded (with the notice version), gives and withdraws evaluation surveys;
Czech on a phone; axe on the page."""

from __future__ import annotations

import pytest

from .axe import assert_accessible
from .journeys import apply_as_mentee, is_sign_in_mail, sign_in_link
from .mail import wait_for_mail

pytestmark = pytest.mark.browser


def consent_rows(live_site, email: str) -> list:
    return live_site.query(
        f"""
from consents.models import ConsentRecord
result = list(ConsentRecord.objects.filter(person__email={email!r})
              .order_by("pk").values_list("purpose", "granted", "source", "notice_version"))
"""
    )


def test_applicant_sees_and_changes_their_consents(
    context, phone_context, live_site, application_forms, shots, artifacts, browser_tmp
):
    applicant = apply_as_mentee(
        context,
        live_site,
        application_forms["de"]["mentee"],
        full_name="Zoë Ærøskøbing",
        language="de",
        directory=browser_tmp,
    )
    [application_consent] = consent_rows(live_site, applicant.email)
    assert application_consent[:3] == ["application", True, "form"]
    assert application_consent[3], "the notice version the form showed is recorded"

    page = context.new_page()
    link = sign_in_link(live_site, page, applicant.email, "de")
    wait_for_mail(live_site.mail_dir, applicant.email, matching=is_sign_in_mail)
    page.goto(link)
    page.locator("#sign-in-confirm").click()
    page.wait_for_url("**/de/portal/")
    page.goto("/de/portal/consents/")
    shots.take(page, "consents-de")
    assert_accessible(page, artifacts)
    card = page.locator("#consent-application")
    assert card.get_attribute("data-state") == "given"
    assert application_consent[3] in card.inner_text()
    assert card.locator("button").count() == 0  # withdrawn only by asking for erasure

    page.locator("#consent-evaluation button").click()
    page.wait_for_url("**/de/portal/consents/")
    assert page.locator("#consent-evaluation").get_attribute("data-state") == "given"
    page.locator("#consent-evaluation button").click()
    page.wait_for_url("**/de/portal/consents/")
    shots.take(page, "evaluation-withdrawn")
    assert page.locator("#consent-evaluation").get_attribute("data-state") == "withdrawn"
    assert consent_rows(live_site, applicant.email)[1:] == [
        ["evaluation", True, "portal", application_consent[3]],
        ["evaluation", False, "portal", application_consent[3]],
    ]

    # The same person on a phone, in Czech: nothing overflows sideways.
    phone_context.add_cookies(context.cookies())
    phone = phone_context.new_page()
    phone.goto("/cs/portal/consents/")
    shots.take(phone, "consents-cs-phone")
    assert phone.locator("html").get_attribute("lang") == "cs"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(phone, artifacts)
