"""Agreements, end to end: a confirmed German–Czech pair's agreement is issued; the mentee
(German, desktop) and the mentor (Czech, phone) read it and sign in the portal in their
languages; the coordinator countersigns in the admin; the worker seals the final PDF and both
download it. Screenshots cs/de, desktop and phone."""

from __future__ import annotations

import pytest

from .axe import assert_accessible
from .journeys import sign_in_link
from .test_review_journey import COORDINATOR, admin_login

pytestmark = pytest.mark.browser

MENTEE = ("juergen.gross@oth-aw.example.de", "Jürgen Groß", "de")
MENTOR = ("rehor.stastny@zcu.example.cz", "Řehoř Šťastný", "cs")

SETUP = f"""
from django.contrib.auth import get_user_model
from django.utils import timezone
from applications.models import Application, ApplicantProfile, Person
from institutions.models import Institution
from workflows.agreements import services
from workflows.engine.actors import Actor
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match

cohort = Application.objects.filter(role="mentee").order_by("pk").first().cohort
applications = []
for (email, name, language), role, goals in (
    ({MENTEE!r}, "mentee", "Meine Promotion vorbereiten und ein Labor in Pilsen kennenlernen."),
    ({MENTOR!r}, "mentor", ""),
):
    person, _ = Person.objects.get_or_create(
        email=email, defaults={{"full_name": name, "preferred_language": language}}
    )
    application = Application.objects.create(
        person=person, cohort=cohort, role=role, language=language, state="accepted"
    )
    ApplicantProfile.objects.create(
        application=application, institution=Institution.objects.order_by("pk").first(),
        faculty="F", programme_or_position="P", meeting_preference="mixed", goals=goals,
        privacy_notice_version="1", consented_at=timezone.now(),
    )
    applications.append(application)
match = Match.objects.create(
    cohort=cohort, mentee_application=applications[0], mentor_application=applications[1],
    state=CONFIRMED,
)
user = get_user_model().objects.get(username="coordinator")
agreement = services.create_draft(match, Actor(user=user))
services.issue(agreement, Actor(user=user))
result = [agreement.pk, user.get_full_name() or "Coordinator"]
"""


def open_agreement(context, live_site, person, agreement: int, shots, step: str):
    email, _name, language = person
    page = context.new_page()
    page.goto(sign_in_link(live_site, page, email, language))
    page.locator("#sign-in-confirm").click()
    page.wait_for_url(f"**/{language}/portal/")
    url = f"/{language}/portal/agreements/{agreement}/"
    page.goto(url)
    for _attempt in range(60):  # the worker renders the issued PDF
        if page.locator("#issued-sha256").count():
            break
        page.wait_for_timeout(1000)
        page.goto(url)
    assert page.locator("html").get_attribute("lang") == language
    shots.take(page, f"{step}-read")
    return page


def sign(page, person, shots, step: str) -> None:
    page.locator("#id_typed_name").fill(person[1])
    page.locator("#id_confirm").check()
    page.locator("#sign-submit").click()
    page.wait_for_load_state()
    shots.take(page, f"{step}-signed")
    assert page.locator("#signatures").count() == 1


def download(page, live_site, agreement: int, artifacts, name: str) -> bytes:
    url = page.url
    for _attempt in range(90):  # the worker renders the final PDF and seals it
        if page.locator("#download-sealed").count():
            break
        page.wait_for_timeout(1000)
        page.goto(url)
    with page.expect_download() as info:
        page.locator("#download-sealed").click()
    path = artifacts / name
    info.value.save_as(path)
    return path.read_bytes()


def test_both_sign_in_their_languages_coordinator_countersigns_both_download(
    new_context, phone_context, live_site, shots, artifacts
):
    agreement, coordinator_name = live_site.query(SETUP)

    mentee_page = open_agreement(new_context(), live_site, MENTEE, agreement, shots, "mentee-de")
    assert_accessible(mentee_page)
    assert mentee_page.locator("#still-to-sign strong").inner_text().strip()
    sign(mentee_page, MENTEE, shots, "mentee-de")

    mentor_page = open_agreement(
        phone_context, live_site, MENTOR, agreement, shots, "mentor-cs-phone"
    )
    sign(mentor_page, MENTOR, shots, "mentor-cs-phone")

    coordinator = admin_login(new_context(), COORDINATOR)
    coordinator.goto(f"/admin/agreements/{agreement}/")
    shots.take(coordinator, "coordinator-before")
    coordinator.locator("#countersign-form input[name='typed_name']").fill(coordinator_name)
    coordinator.locator("#countersign").click()
    coordinator.wait_for_load_state()
    shots.take(coordinator, "coordinator-countersigned")

    mentee_pdf = download(mentee_page, live_site, agreement, artifacts, "mentee.pdf")
    mentor_pdf = download(mentor_page, live_site, agreement, artifacts, "mentor.pdf")
    shots.take(mentee_page, "mentee-de-download")
    shots.take(mentor_page, "mentor-cs-phone-download")
    assert mentee_pdf.startswith(b"%PDF") and mentee_pdf == mentor_pdf
    state = live_site.query(
        "from workflows.agreements.models import Agreement\n"
        f"a = Agreement.objects.get(pk={agreement})\n"
        "from workflows.agreements.sealing import verify\n"
        "roles = list(a.signatures.values_list('role', flat=True))\n"
        "result = [a.state, verify(bytes(a.sealed_pdf)).ok, roles]"
    )
    assert state == ["active", True, ["mentee", "mentor", "coordinator"]]
