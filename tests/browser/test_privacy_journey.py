"""Privacy in a real browser: an applicant downloads her data and asks to be erased (Czech on
a desktop, German on a phone); the coordinator finds the request, reviews what will be
deleted and kept, erases her, and reads the retention report (admin in Czech, then German on
a phone). Screenshots of every screen; axe on the portal page and the confirmation."""

from __future__ import annotations

import json
import zipfile

import pytest

from .axe import assert_accessible
from .journeys import sign_in_link, unique_email
from .test_review_journey import COORDINATOR, admin_login

pytestmark = pytest.mark.browser


def setup_code(email: str) -> str:
    return f"""
from django.utils import timezone
from applications.models import Application, ApplicantProfile, Person
from institutions.models import Institution

newest = Application.objects.filter(role="mentee").order_by("-cohort__programme_starts_on")
cohort = newest.first().cohort
person = Person.objects.create(
    email={email!r}, full_name="Šárka Dvořáková", preferred_language="cs"
)
application = Application.objects.create(
    person=person, cohort=cohort, role="mentee", language="cs", state="accepted",
    answers={{"motivation": "Chci poznat výzkum v Amberku."}},
)
ApplicantProfile.objects.create(
    application=application,
    institution=Institution.objects.filter(locale__language_code="en").first(),
    faculty="FAV", programme_or_position="Ing.", meeting_preference="mixed", goals="Doktorát",
    timezone="Europe/Prague", privacy_notice_version="1", consented_at=timezone.now(),
)
result = [person.pk, application.pk]
"""


def admin_language(live_site, language: str) -> None:
    live_site.query(
        f"""
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile
profile = UserProfile.get_for_user(get_user_model().objects.get(username={COORDINATOR[0]!r}))
profile.preferred_language = {language!r}
profile.save()
result = True
"""
    )


def test_applicant_exports_and_asks_coordinator_erases(
    new_context, phone_context, live_site, shots, artifacts
):
    email = unique_email("sarka.dvorakova", "zcu.example.cz")
    person_id, _application_id = live_site.query(setup_code(email))

    # The applicant, in Czech on a desktop: her data page, the download, the request.
    context = new_context()
    page = context.new_page()
    page.goto(sign_in_link(live_site, page, email, "cs"))
    page.locator("#sign-in-confirm").click()
    page.wait_for_url("**/cs/portal/")
    page.goto("/cs/portal/privacy/")
    assert page.locator("html").get_attribute("lang") == "cs"
    shots.take(page, "portal-my-data-cs")
    assert_accessible(page, artifacts)
    with page.expect_download() as download_info:
        page.locator("#export-mine").click()
    archive = zipfile.ZipFile(download_info.value.path())
    data = json.loads(archive.read("data.json"))
    assert data["person"]["full_name"] == "Šárka Dvořáková" and data["person"]["email"] == email
    page.locator("#request-erasure").click()
    page.wait_for_url("**/cs/portal/privacy/")
    assert page.locator("#erasure-pending").is_visible()
    shots.take(page, "portal-erasure-requested-cs")

    # The same person on a phone, in German.
    phone_context.add_cookies(context.cookies())
    phone = phone_context.new_page()
    phone.goto("/de/portal/privacy/")
    assert phone.locator("html").get_attribute("lang") == "de"
    shots.take(phone, "portal-my-data-de-phone")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    # The coordinator, admin in Czech: the request, the confirmation, the erasure.
    admin_language(live_site, "cs")
    staff = new_context()
    admin = admin_login(staff, COORDINATOR)
    admin.goto("/admin/privacy/requests/")
    assert admin.locator(f"#erasure-requests >> text=#{person_id}").count() == 1
    shots.take(admin, "admin-requests-cs")
    admin.locator(f"a[href='/admin/privacy/people/{person_id}/erase/']").click()
    admin.wait_for_url(f"**/admin/privacy/people/{person_id}/erase/")
    assert "applications.Application" in admin.locator("#erase-anonymised").inner_text()
    shots.take(admin, "admin-erase-confirm-cs")
    assert_accessible(admin, artifacts)
    admin.locator("input[name='reason']").fill("žádost e-mailem")
    admin.locator("input[name='confirm']").check()
    admin.locator("#erase-submit").click()
    admin.wait_for_url("**/admin/privacy/requests/")
    assert admin.locator(f"#erasure-records >> text=#{person_id}").count() == 1
    shots.take(admin, "admin-erased-cs")
    admin.goto("/admin/privacy/retention/")
    shots.take(admin, "admin-retention-cs")

    erased = live_site.query(
        f"from applications.models import Person\nresult = Person.objects.get(pk={person_id}).email"
    )
    assert erased == f"erased-{person_id}@erased.invalid"

    # German admin on a phone: the requests and erasures page.
    admin_language(live_site, "de")
    phone_context.add_cookies(staff.cookies())
    staff_phone = phone_context.new_page()
    staff_phone.goto("/admin/privacy/requests/")
    assert staff_phone.locator("html").get_attribute("lang") == "de"
    shots.take(staff_phone, "admin-requests-de-phone")
    # Her portal session is gone with her: the portal asks to sign in again.
    page.goto("/cs/portal/privacy/")
    assert "/portal/sign-in/" in page.url
