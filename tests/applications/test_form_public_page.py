"""What an applicant sees around the questions: the cohort and its deadline with a way back,
a closed cohort's form that takes nothing, the availability table, the time-zone picker, the
confirmation page with next steps, and a sent draft's link."""

from __future__ import annotations

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from applications.models import Draft
from tests.applications.conftest import make_form_page, pdf_upload, valid_answers
from tests.factories import make_cohort


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def closed_form(institutions, disciplines, privacy_notice):
    now = timezone.now()
    cohort = make_cohort(
        title="Pilot 2023/24",
        application_opens_at=now - dt.timedelta(days=400),
        application_closes_at=now - dt.timedelta(days=300),
        mentee_institutions=[institutions["uwb"]],
    )
    return make_form_page(cohort, "mentee")


@pytest.mark.django_db
def test_a_closed_cohorts_form_says_so_at_the_top_and_takes_nothing(client, closed_form):
    response = client.get(closed_form.url)
    soup = soup_of(response)
    notice = soup.find(id="window-closed")
    assert notice is not None
    assert notice.find_previous("h1") is not None  # right under the title, before any field
    assert soup.find(id="submit-application") is None
    assert soup.find(id="save-draft") is None
    assert soup.find("form", id="application-form") is None
    assert soup.find(id="back-to-cohort")["href"] == closed_form.get_parent().url

    answers = {**valid_answers("mentee", closed_form.get_parent()), "action": "save_draft"}
    answers["institution"] = ""
    response = client.post(closed_form.url, answers)
    assert response.status_code == 422
    assert not Draft.objects.exists()
    assert soup_of(response).find(id="save-draft") is None


@pytest.mark.django_db
def test_an_open_form_names_its_cohort_and_deadline_and_links_back(client, mentee_form, cohort):
    soup = soup_of(client.get(mentee_form.url))
    assert cohort.title in soup.find(id="form-cohort").get_text()
    assert soup.find(id="back-to-cohort")["href"] == cohort.url
    deadline = soup.find(id="form-deadline").find("time")
    assert dt.datetime.fromisoformat(deadline["datetime"]) == cohort.application_closes_at
    text = deadline.get_text()
    assert text.endswith(("CET", "CEST")) and ", " in text  # "9 December 2026, 17:00 CET"
    assert soup.find(id="submit-application") and soup.find(id="save-draft")


@pytest.mark.django_db
def test_the_deadline_is_named_in_the_readers_language(client, mentee_form, locales):
    czech = mentee_form.copy_for_translation(locales["cs"], copy_parents=True)
    czech.save_revision().publish()
    german = mentee_form.copy_for_translation(locales["de"], copy_parents=True)
    german.save_revision().publish()
    cs = soup_of(client.get(czech.url)).find(id="form-deadline").get_text()
    de = soup_of(client.get(german.url)).find(id="form-deadline").get_text()
    assert "SEČ" in cs or "SELČ" in cs
    assert "MEZ" in de or "MESZ" in de
    assert "CET" not in cs and "CET" not in de


@pytest.mark.django_db
def test_availability_is_a_day_by_time_of_day_table(client, mentee_form):
    soup = soup_of(client.get(mentee_form.url))
    table = soup.find(id="field-availability").find("table", class_="availability-grid")
    assert [th.get_text(strip=True) for th in table.thead.find_all("th")] == [
        "Morning (8–12)",
        "Afternoon (12–16)",
        "Evening (16–20)",
    ]
    rows = table.tbody.find_all("tr")
    assert [row.th.get_text(strip=True) for row in rows][:2] == ["Monday", "Tuesday"]
    assert len(rows) == 7
    for row in rows:
        boxes = row.find_all("input", type="checkbox")
        assert len(boxes) == 3
        for box in boxes:
            label = soup.find("label", attrs={"for": box["id"]})
            assert row.th.get_text(strip=True) in label.get_text()  # "Monday, Morning (8–12)"
    assert rows[0].find("input")["value"] == "0-08-12"


@pytest.mark.django_db
def test_the_time_zone_picker_offers_likely_zones_first_with_local_names(
    client, mentee_form, locales
):
    czech = mentee_form.copy_for_translation(locales["cs"], copy_parents=True)
    czech.save_revision().publish()
    select = soup_of(client.get(czech.url)).find("select", attrs={"name": "timezone"})
    assert "data-timezone-picker" in select.attrs
    likely, rest = select.find_all("optgroup")
    assert [o["value"] for o in likely.find_all("option")] == ["Europe/Prague", "Europe/Berlin"]
    assert likely.find("option")["selected"] is not None
    assert likely.find("option").get_text().startswith("Praha – Česko")
    values = {o["value"] for o in rest.find_all("option")}
    assert {"Factory", "W-SU", "Zulu", "Etc/GMT+3", "US/Eastern"}.isdisjoint(values)
    assert {"America/New_York", "Asia/Tokyo", "UTC"} <= values
    assert 300 < len(values) < 500


@pytest.mark.django_db
def test_the_confirmation_page_says_what_happens_next_and_links_to_the_portal(
    client, mentee_form, institutions
):
    data = {**valid_answers("mentee", institutions["uwb"]), "cv": pdf_upload()}
    response = client.post(mentee_form.url, data)
    assert response.status_code == 302
    soup = soup_of(client.get(response["Location"]))
    assert soup.find(id="application-submitted")
    assert soup.find(id="to-portal")["href"] == "/en/portal/"
    steps = soup.find(id="next-steps").get_text()
    assert "close on" in steps and "review" in steps


@pytest.mark.django_db
def test_a_drafts_link_after_submission_says_it_was_sent(client, mentee_form, institutions):
    answers = valid_answers("mentee", institutions["uwb"])
    client.post(mentee_form.url, {**answers, "action": "save_draft"})
    draft = Draft.objects.get()
    response = client.post(
        mentee_form.url, {**answers, "cv": pdf_upload(), "draft_token": draft.token}
    )
    assert response.status_code == 302
    resumed = client.get(f"/en/applications/drafts/{draft.token}/")
    assert resumed.status_code == 200
    soup = soup_of(resumed)
    assert soup.find(id="draft-already-sent")
    assert soup.find(id="to-portal")["href"] == "/en/portal/"
    draft.refresh_from_db()
    assert draft.data == {} and draft.submitted_at is not None


@pytest.mark.django_db
def test_an_unticked_consent_says_what_to_do(client, mentee_form, institutions, locales):
    answers = valid_answers("mentee", institutions["uwb"])
    answers.pop("privacy_consent")
    soup = soup_of(client.post(mentee_form.url, answers))
    assert "Please tick this box" in soup.find(id="privacy_consent-error").get_text()
