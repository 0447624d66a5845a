"""Applying in a real browser against the running site and worker: a mentee in German who
makes mistakes and fixes them without losing anything (the CV included), a mentor in Czech
using only the keyboard, a phone-sized form, and axe on the forms in all three languages."""

from __future__ import annotations

import json
import unicodedata

import pytest

from .axe import assert_accessible
from .documents import make_cv_pdf
from .forms import choose_option, fill, fill_with_keyboard, other_required_answers, values
from .journeys import application_record, field_values, mentee_answers, sha256, unique_email
from .mail import wait_for_mail
from .pages import LANGUAGES

pytestmark = pytest.mark.browser


def test_mentee_applies_in_german_fixes_mistakes_and_keeps_the_cv(
    page, live_site, application_forms, shots, artifacts, browser_tmp
):
    email = unique_email("juergen.groessmann", "example.de")
    cv = make_cv_pdf(browser_tmp / "Lebenslauf Größmann.pdf", "Jürgen Größmann", "Weiden")
    page.goto(application_forms["de"]["mentee"])
    assert page.locator("html").get_attribute("lang") == "de"
    shots.take(page, "empty-form")

    answers = mentee_answers(page, full_name="Jürgen Größmann", email=email, cv=cv, language="de")
    # Two mistakes: an email address without "@", and the required goals left empty.
    mistaken = {**answers, "email": "juergen.groessmann.example.de", "goals": ""}
    fill(page, mistaken)
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator("#submit-application").click()
    assert posted.value.status == 422
    page.wait_for_load_state()
    shots.take(page, "errors-shown")

    summary = page.locator("#error-summary")
    assert summary.is_visible()
    # Focus starts on the summary, so screen readers announce it and Tab reaches its links.
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    assert summary.locator("a[href='#field-email'], a[href$='email']").count() >= 1
    assert summary.locator("a[href='#field-goals'], a[href$='goals']").count() >= 1
    for name in ("email", "goals"):
        assert page.locator(f"[name='{name}']").get_attribute("aria-invalid") == "true"
        assert page.locator(f"#{name}-error").is_visible()
    # Nothing entered is lost: every other answer is shown as it was typed or chosen ...
    kept = {name: value for name, value in answers.items() if name not in {"email", "goals"}}
    kept.pop("cv")
    assert values(page, list(kept)) == kept
    assert values(page, ["email"])["email"] == "juergen.groessmann.example.de"
    # ... including the CV, which is kept on the server and need not be chosen again.
    kept_file = page.locator("#cv-kept")
    assert kept_file.is_visible()
    assert cv.name in unicodedata.normalize("NFC", kept_file.inner_text())
    assert_accessible(page, artifacts)

    fill(page, {"email": email, "goals": answers["goals"]})
    page.locator("#submit-application").click()
    page.wait_for_url("**?submitted=1")
    shots.take(page, "confirmation")
    assert page.locator("#application-submitted").is_visible()
    assert page.locator("html").get_attribute("lang") == "de"
    assert_accessible(page, artifacts)

    stored = application_record(live_site, email)
    assert stored["full_name"] == "Jürgen Größmann"
    assert (stored["role"], stored["language"], stored["preferred_language"]) == (
        "mentee",
        "de",
        "de",
    )
    [upload] = stored["uploads"]
    assert upload["key"] == "cv"
    assert unicodedata.normalize("NFC", upload["name"]) == cv.name
    assert upload["head"] == "%PDF-"
    assert upload["sha256"] == sha256(cv)

    [confirmation] = wait_for_mail(live_site.mail_dir, email)
    assert confirmation.language == "de"
    assert "Größmann" in confirmation.body


def test_mentor_applies_in_czech_with_the_keyboard_alone(
    page, live_site, application_forms, shots, artifacts, browser_tmp
):
    email = unique_email("jiri.stastny", "example.cz")
    cv = make_cv_pdf(browser_tmp / "životopis-šťastný.pdf", "Jiří Šťastný", "Plzeň")
    page.goto(application_forms["cs"]["mentor"])
    assert page.locator("html").get_attribute("lang") == "cs"
    answers = {
        "full_name": "Jiří Šťastný",
        "email": email,
        "preferred_language": "cs",
        "institution": choose_option(page, "institution", "Plz"),
        "faculty": "Fakulta strojní",
        "programme_or_position": "Docent, Katedra materiálů",
        "academic_rank": "associate_professor",
        "disciplines": [field_values(page, "disciplines")[0]],
        "research_interests": "Materiály, Svařování, Únava materiálu",
        "mentoring_languages_cs": "native",
        "mentoring_languages_de": "B2",
        "meeting_preference": "online",
        "availability": ["1-12-16", "3-16-20"],
        "capacity": "2",
        "cv": cv,
        "privacy_consent": True,
    }
    answers = {name: value for name, value in answers.items() if field_values(page, name)}
    answers.update(other_required_answers(page, answers))
    fill_with_keyboard(page, answers, stop_at_id="submit-application")
    shots.take(page, "filled-by-keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url("**?submitted=1")
    shots.take(page, "confirmation")
    assert page.locator("#application-submitted").is_visible()
    assert page.locator("html").get_attribute("lang") == "cs"

    stored = application_record(live_site, email)
    assert stored["full_name"] == "Jiří Šťastný"
    assert (stored["role"], stored["language"]) == ("mentor", "cs")
    [upload] = stored["uploads"]
    assert upload["sha256"] == sha256(cv)
    assert unicodedata.normalize("NFC", upload["name"]) == cv.name
    [confirmation] = wait_for_mail(live_site.mail_dir, email)
    assert confirmation.language == "cs"


def test_mentee_applies_on_a_phone(phone, live_site, application_forms, shots, browser_tmp):
    """At 390x844 the form fits the screen (no sideways scroll) and can be submitted."""
    email = unique_email("anna.mobile", "example.org")
    cv = make_cv_pdf(browser_tmp / "cv-phone.pdf", "Anna Mobile", "Amberg")
    phone.goto(application_forms["en"]["mentee"])
    answers = mentee_answers(phone, full_name="Anna Mobile", email=email, cv=cv, language="en")
    fill(phone, answers)
    shots.take(phone, "filled")
    width = phone.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width[0] <= width[1], f"the form scrolls sideways on a phone: {width}"
    phone.locator("#submit-application").tap()
    phone.wait_for_url("**?submitted=1")
    shots.take(phone, "confirmation")
    assert phone.locator("#application-submitted").is_visible()
    assert application_record(live_site, email)["role"] == "mentee"


@pytest.mark.parametrize("role", ["mentee", "mentor"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_application_form_is_accessible(page, application_forms, shots, artifacts, language, role):
    page.goto(application_forms[language][role])
    shots.take(page, f"{language}-{role}")
    assert page.locator("html").get_attribute("lang") == language
    assert_accessible(page, artifacts)
    # Every visible input has an accessible name (a label), whatever its language.
    unnamed = page.locator("#application-form").evaluate(
        """form => [...form.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter(e => !e.labels || e.labels.length === 0)
            .map(e => e.name)"""
    )
    assert not unnamed, f"inputs without a label: {json.dumps(unnamed)}"


def test_language_switcher_leads_to_the_same_form(page, application_forms):
    page.goto(application_forms["de"]["mentee"])
    for target in ("cs", "en", "de"):
        page.locator(f".language-switcher a[hreflang='{target}']").click()
        page.wait_for_url(lambda url, target=target: f"/{target}/" in url)
        assert page.evaluate("() => location.pathname") == application_forms[target]["mentee"]
        assert page.locator("html").get_attribute("lang") == target


_CLOSED_FORMS = """
from applications.models import ApplicationFormPage
result = {}
for form in ApplicationFormPage.objects.live().public().specific().order_by("path"):
    if form.get_source_cohort().application_status() == "closed":
        result.setdefault(form.locale.language_code, form.get_url())
"""


def test_availability_grid_works_by_keyboard(page, application_forms, shots):
    """Tab reaches each cell of the day x time-of-day table in reading order; Space ticks it."""
    page.goto(application_forms["en"]["mentee"])
    first = page.locator("#field-availability input[type=checkbox]").first
    first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    for _ in range(2):  # Monday evening, then Tuesday morning
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    shots.take(page, "availability-by-keyboard")
    checked = page.locator("#field-availability input:checked").evaluate_all(
        "boxes => boxes.map(b => b.value)"
    )
    assert checked == ["0-08-12", "0-12-16", "1-08-12"]
    focused = page.evaluate("() => document.activeElement.value")
    assert focused == "1-08-12"


@pytest.mark.parametrize("language", LANGUAGES)
def test_availability_grid_and_zone_picker_on_a_phone(phone, application_forms, shots, language):
    """At 390 px the table fits the screen, each cell is a finger-sized target, and the time
    zone search narrows the list."""
    phone.goto(application_forms[language]["mentee"])
    grid = phone.locator("table.availability-grid")
    grid.scroll_into_view_if_needed()
    shots.take(phone, f"phone-{language}-availability")
    box = grid.bounding_box()
    width = phone.evaluate("() => document.documentElement.clientWidth")
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    cell = phone.locator(".availability-grid__cell").first.bounding_box()
    assert cell is not None and cell["height"] >= 40 and cell["width"] >= 40
    phone.locator(".availability-grid__cell").nth(4).tap()
    assert phone.locator("#id_availability_4").is_checked()

    search = phone.locator(".timezone-search")
    search.fill("Tokyo" if language == "en" else "Tokio")
    select = phone.locator("select[name=timezone]")
    assert select.input_value() == "Asia/Tokyo"
    shots.take(phone, f"phone-{language}-timezone-search")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_closed_cohorts_form_is_accessible_and_offers_no_submit(
    page, live_site, shots, artifacts, language
):
    closed = live_site.query(_CLOSED_FORMS)
    if language not in closed:
        pytest.skip(f"the demo has no closed form in {language}")
    page.goto(closed[language])
    shots.take(page, f"closed-{language}")
    assert page.locator("#window-closed").is_visible()
    assert page.locator("#submit-application").count() == 0
    assert page.locator("#save-draft").count() == 0
    assert_accessible(page, artifacts)


@pytest.mark.parametrize("language", ["cs", "de"])
def test_open_form_screenshots_desktop_and_phone(page, phone, application_forms, shots, language):
    """The form names its cohort and deadline in the reader's language (screenshots cs/de)."""
    for view, name in ((page, "desktop"), (phone, "phone")):
        view.goto(application_forms[language]["mentee"])
        assert view.locator("#form-cohort").is_visible()
        deadline = view.locator("#form-deadline").inner_text()
        assert "CET" not in deadline and "CEST" not in deadline
        shots.take(view, f"{name}-{language}-form")
