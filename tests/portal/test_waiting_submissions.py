"""Submissions the worker has not accepted yet, on the portal dashboard (``portal.waiting``),
and the "thank you" page's promise about the confirmation email.

A form's POST stores a ``ReceivedSubmission``; the worker makes the application seconds later.
An applicant who opens the portal at once sees the submission as "being processed", only
their own, and the application in its place once the worker has run.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation

from applications.acceptance import accept_received
from applications.models import Application, ReceivedSubmission
from tests.applications import conftest as applications_conftest
from tests.applications.conftest import make_form_page, pdf_upload, valid_answers
from tests.factories import ApplicationFactory, PersonFactory, UserFactory, make_cohort
from tests.performance.conftest import assert_flat, queries_of
from tests.portal.conftest import signed_in_client

pytestmark = pytest.mark.django_db

EMAIL = "jana.novakova@example.cz"
BEING_PROCESSED = "Received – being processed"

# The applications tests' fixtures (a form needs institutions, disciplines, a privacy notice).
institutions = applications_conftest.institutions
disciplines = applications_conftest.disciplines
privacy_notice = applications_conftest.privacy_notice


def dashboard_url(language: str = "en") -> str:
    with translation.override(language):
        return reverse("portal:dashboard")


def dashboard(client, language: str = "en") -> BeautifulSoup:
    response = client.get(dashboard_url(language))
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def waiting_cards(soup: BeautifulSoup) -> list:
    return soup.select("li.application-card--waiting")


def received(cohort, *, email: str, role: str = "mentee", user=None, **fields):
    """A received submission as ``receive_submission`` stores it (answers trimmed to who)."""
    return ReceivedSubmission.objects.create(
        cohort=cohort,
        role=role,
        language="en",
        answers={"email": email, "full_name": "Someone", "faculty": "Applied Sciences"},
        user=user,
        **fields,
    )


@pytest.fixture
def form_cohort(institutions):
    return make_cohort(
        title="Cohort 2027/28",
        mentee_institutions=[institutions["uwb"], institutions["oth"]],
        mentor_institutions=[institutions["uwb"], institutions["oth"]],
    )


@pytest.fixture
def mentee_form(form_cohort, disciplines, privacy_notice):
    return make_form_page(form_cohort, "mentee")


@pytest.fixture
def jana(db):
    return PersonFactory(email=EMAIL, full_name="Jana Nováková")


def test_a_sent_form_is_listed_as_being_processed_until_the_worker_accepts_it(
    client, mentee_form, form_cohort, institutions, jana
):
    """The applicant (signed in to the portal in this browser) sends the form with her
    address in other letter cases, opens the dashboard: the submission is there; after
    ``accept_received`` it is the application, with its number, and the note is gone."""
    portal = signed_in_client(jana)
    answers = valid_answers("mentee", institutions["uwb"], email="Jana.Novakova@EXAMPLE.cz")
    response = portal.post(mentee_form.url, {**answers, "cv": pdf_upload()})
    assert response.status_code == 302
    submission = ReceivedSubmission.objects.get()

    soup = dashboard(portal)
    [card] = waiting_cards(soup)
    assert card["id"] == f"received-{submission.pk}"
    assert card.h2.get_text(strip=True) == "Cohort 2027/28 – Mentee"
    assert BEING_PROCESSED in card.get_text()
    assert "application number in a few minutes" in card.get_text()
    shown = datetime.fromisoformat(card.find("time")["datetime"])
    assert shown == submission.received_at  # the same moment, in the site's time zone
    assert soup.find(class_="empty") is None  # not "You have no applications yet."

    application = accept_received(submission.pk)
    assert application is not None and application.person == jana

    soup = dashboard(portal)
    assert waiting_cards(soup) == []
    assert BEING_PROCESSED not in soup.get_text()
    card = soup.find(id=f"application-{application.pk}")
    assert card is not None and "Cohort 2027/28 – Mentee" in card.h2.get_text(strip=True)


def test_the_waiting_card_titles_the_cohort_in_the_readers_language(jana, locales):
    cohort = make_cohort(title="Cohort 2027/28")
    czech = cohort.copy_for_translation(locales["cs"], copy_parents=True)
    czech.title = "Ročník 2027/28"
    czech.save_revision().publish()
    received(cohort, email=EMAIL, role="mentor")
    portal = signed_in_client(jana)

    for language, title in (("en", "Cohort 2027/28"), ("cs", "Ročník 2027/28")):
        [card] = waiting_cards(dashboard(portal, language))
        with translation.override(language):
            role = str(Application.Role.MENTOR.label)
        assert card.h2.get_text(strip=True) == f"{title} – {role}", language
    # The German translation is missing: the cohort's own title (as page.localized).
    [card] = waiting_cards(dashboard(portal, "de"))
    assert card.h2.get_text(strip=True).startswith("Cohort 2027/28 – ")


def test_an_applicant_never_sees_another_persons_waiting_submission(jana):
    """B's submissions stay off A's dashboard: B's address (also one that only contains
    A's), and one sent by a user account that is signed in beside A's portal session."""
    cohort = make_cohort(title="Cohort 2027/28")
    b_user = UserFactory()
    mine = received(cohort, email="JANA.NOVAKOVA@example.cz")
    theirs = [
        received(cohort, email="petr.svoboda@example.cz"),
        received(cohort, email="x" + EMAIL),
        received(cohort, email=EMAIL + ".evil.example", role="mentor"),
        received(cohort, email="petr.svoboda@example.cz", user=b_user),
    ]
    portal = signed_in_client(jana)
    portal.force_login(b_user)  # a staff account signed in in the same browser

    soup = dashboard(portal)
    assert [card["id"] for card in waiting_cards(soup)] == [f"received-{mine.pk}"]
    page = str(soup)
    for other in theirs:
        assert f"received-{other.pk}" not in page

    # And B, signed in, sees B's own (by address), never A's.
    petr = PersonFactory(email="petr.svoboda@example.cz")
    soup = dashboard(signed_in_client(petr))
    assert {card["id"] for card in waiting_cards(soup)} == {
        f"received-{theirs[0].pk}",
        f"received-{theirs[3].pk}",
    }


def test_the_address_is_matched_as_the_worker_identifies_a_person(jana):
    """Not only letter case: full-width letters and an invisible soft hyphen name the same
    mailbox (``normalise_email``), and the worker files the application under Jana."""
    cohort = make_cohort(title="Cohort 2027/28")
    row = received(cohort, email="Ｊａｎａ.nova\u00adkova@Example.CZ")
    [card] = waiting_cards(dashboard(signed_in_client(jana)))
    assert card["id"] == f"received-{row.pk}"


def test_a_resubmission_for_an_applied_cohort_and_role_is_not_promised_as_new(jana):
    """The worker will find it a duplicate and create nothing (it emails the applicant), so
    the dashboard shows the existing application and no "appears here" note for it."""
    cohort = make_cohort(title="Cohort 2027/28")
    application = ApplicationFactory(person=jana, cohort=cohort, role="mentee")
    received(cohort, email=EMAIL, role="mentee")
    other_role = received(cohort, email=EMAIL, role="mentor")
    soup = dashboard(signed_in_client(jana))
    assert soup.find(id=f"application-{application.pk}") is not None
    assert [card["id"] for card in waiting_cards(soup)] == [f"received-{other_role.pk}"]


def test_waiting_cards_come_newest_first_before_the_applications(jana):
    now = timezone.now()
    older = received(make_cohort(title="Older"), email=EMAIL, received_at=now - timedelta(hours=2))
    newer = received(make_cohort(title="Newer"), email=EMAIL, received_at=now)
    application = ApplicationFactory(person=jana, cohort=make_cohort(title="Applied"))
    cards = dashboard(signed_in_client(jana)).select("ul.application-list > li")
    assert [card["id"] for card in cards] == [
        f"received-{newer.pk}",
        f"received-{older.pk}",
        f"application-{application.pk}",
    ]


def test_the_dashboard_makes_no_query_per_waiting_submission(client, jana, locales):
    """Waiting submissions in several cohorts (some translated) cost no query each."""
    portal = signed_in_client(jana)
    made = []

    def waiting(count: int) -> None:
        for _ in range(count):
            cohort = make_cohort(title=f"Waiting cohort {len(made)}")
            if len(made) % 2:
                czech = cohort.copy_for_translation(locales["cs"], copy_parents=True)
                czech.save_revision().publish()
            made.append(received(cohort, email=EMAIL))
            received(cohort, email=f"someone.{len(made)}@example.org")  # someone else's

    waiting(2)
    ApplicationFactory(person=jana, cohort=make_cohort(title="Applied"))
    for language in ("en", "cs"):
        assert_flat(
            lambda language=language: queries_of(portal, dashboard_url(language)),
            lambda: waiting(3),
        )
    assert len(waiting_cards(dashboard(portal))) == len(made)


def test_the_thank_you_page_says_the_confirmation_is_on_its_way(client, mentee_form, institutions):
    answers = valid_answers("mentee", institutions["uwb"])
    response = client.post(mentee_form.url, {**answers, "cv": pdf_upload()})
    assert response.status_code == 302
    soup = BeautifulSoup(client.get(response["Location"]).content.decode(), "html.parser")
    sentence = soup.find(id="confirmation-email").get_text(" ", strip=True)
    assert "is on its way" in sentence
    assert "usually arrives within a few minutes" in sentence
    assert "within an hour" in sentence and "spam folder" in sentence
    assert "We have sent" not in soup.get_text()
    assert soup.find(id="application-submitted") and soup.find(id="to-portal")
