"""The form page keeps its form fields, its cohort and the cohort's titles per process and
page-cache generation (``applications.memo.kept``, issue 12): every change an editor can make
to what they show reaches the next request, and nothing one request does to its form reaches
another."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from applications.models import Discipline, PrivacyNotice
from tests.applications.conftest import pdf_upload, valid_answers
from tests.factories import InstitutionFactory, english

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    assert response.status_code in (200, 422), response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def option_labels(soup: BeautifulSoup, name: str) -> list[str]:
    select = soup.find("select", attrs={"name": name})
    return [option.get_text(strip=True) for option in select.find_all("option")]


def checkbox_labels(soup: BeautifulSoup, name: str) -> list[str]:
    return [
        soup.find("label", attrs={"for": box["id"]}).get_text(strip=True)
        for box in soup.find_all("input", attrs={"name": name, "type": "checkbox"})
    ]


def notice_version(soup: BeautifulSoup) -> str:
    return soup.find("input", attrs={"name": "privacy_notice_version"})["value"]


def test_new_and_changed_institutions_and_disciplines_show_on_the_next_form(client, mentee_form):
    before = soup_of(client.get(mentee_form.url))
    assert "Brno University of Technology" not in option_labels(before, "institution")
    assert "Informatics" in checkbox_labels(before, "disciplines")

    InstitutionFactory(name="Brno University of Technology", short_name="BUT")
    discipline = Discipline.objects.get(key="informatics")
    discipline.name = "Computer science"
    discipline.save()
    Discipline.objects.create(key="chemistry", name="Chemistry", locale=english())

    after = soup_of(client.get(mentee_form.url))
    assert "Brno University of Technology" in option_labels(after, "institution")
    labels = checkbox_labels(after, "disciplines")
    assert "Computer science" in labels and "Chemistry" in labels
    assert "Informatics" not in labels

    Discipline.objects.filter(key="chemistry").first().delete()
    assert "Chemistry" not in checkbox_labels(soup_of(client.get(mentee_form.url)), "disciplines")


def test_a_published_change_of_the_questions_shows_on_the_next_form(client, mentee_form):
    assert "How did you hear about us?" in client.get(mentee_form.url).content.decode()
    stream = mentee_form.questions
    for child in stream:
        if child.block_type == "choice":
            child.value["label"] = "Where did you hear about us?"
    mentee_form.questions = stream
    mentee_form.save_revision().publish()

    content = client.get(mentee_form.url).content.decode()
    assert "Where did you hear about us?" in content
    assert "How did you hear about us?" not in content


def test_a_new_privacy_notice_shows_when_it_comes_into_force(
    client, mentee_form, privacy_notice, monkeypatch
):
    in_an_hour = timezone.now() + dt.timedelta(hours=1)
    PrivacyNotice.objects.create(
        version="2026-12",
        title="Privacy notice",
        text="<p>New text.</p>",
        effective_from=in_an_hour,
        locale=english(),
    )
    assert notice_version(soup_of(client.get(mentee_form.url))) == "2026-09"
    assert notice_version(soup_of(client.get(mentee_form.url))) == "2026-09"  # kept

    later = in_an_hour + dt.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert notice_version(soup_of(client.get(mentee_form.url))) == "2026-12"

    # A notice edited in the admin (saved) shows at once.
    PrivacyNotice.objects.filter(version="2026-12").first().delete()
    privacy_notice.version = "2026-11"
    privacy_notice.save()
    assert notice_version(soup_of(client.get(mentee_form.url))) == "2026-11"


def test_a_cohort_closed_in_the_admin_closes_its_form_at_once(client, mentee_form, cohort):
    assert soup_of(client.get(mentee_form.url)).find(id="window-closed") is None
    cohort.application_opens_at = timezone.now() - dt.timedelta(days=60)
    cohort.application_closes_at = timezone.now() - dt.timedelta(days=1)
    cohort.save_revision().publish()
    assert soup_of(client.get(mentee_form.url)).find(id="window-closed") is not None


def test_a_cohort_closed_by_a_plain_update_refuses_the_next_submission(
    client, mentee_form, cohort, institutions
):
    """The cohort is kept per generation, its window is not: no page save, no new generation,
    and still the next submission is refused and stores nothing."""
    from applications.models import ReceivedSubmission
    from cohorts.models import CohortPage

    assert soup_of(client.get(mentee_form.url)).find(id="window-closed") is None  # kept now
    CohortPage.objects.filter(pk=cohort.pk).update(
        application_closes_at=timezone.now() - dt.timedelta(minutes=1)
    )
    answers = {**valid_answers("mentee", institutions["uwb"]), "cv": pdf_upload()}
    response = client.post(mentee_form.url, answers)
    assert response.status_code == 422
    assert soup_of(response).find(id="window-closed") is not None
    assert not ReceivedSubmission.objects.exists()


def test_what_one_request_does_to_its_form_reaches_no_other(client, mentee_form, institutions):
    # An invalid post marks its fields invalid ...
    invalid = soup_of(client.post(mentee_form.url, {"full_name": ""}))
    assert invalid.find("input", attrs={"name": "full_name"})["aria-invalid"] == "true"
    # ... and a post whose CV was kept relaxes the CV question for that applicant only.
    answers = valid_answers("mentee", institutions["uwb"])
    answers["email"] = "not an address"
    answers["cv"] = pdf_upload()
    kept = soup_of(client.post(mentee_form.url, answers))
    assert kept.find("input", attrs={"name": "cv"}).get("required") is None

    fresh = soup_of(client.get(mentee_form.url))
    assert fresh.find("input", attrs={"name": "full_name"}).get("aria-invalid") is None
    assert fresh.find("input", attrs={"name": "cv"}).has_attr("required")
    assert fresh.find(id="error-summary") is None


def test_the_kept_forms_snapshot_text_is_the_snapshot_built_afresh(mentee_form):
    """``definition_json`` splices the kept questions' JSON text into the snapshot instead of
    decoding and encoding it: the stored snapshot must say exactly what a form built afresh
    (nothing kept) describes, in the same order."""
    from applications.forms import ApplicationForm
    from applications.memo import remembering
    from applications.pages import ApplicationFormPage

    def loaded():  # the page with its questions as loaded (only then is its form kept)
        return ApplicationFormPage.objects.get(pk=mentee_form.pk)

    with remembering():
        ApplicationForm(loaded())  # fills what is kept
        kept = ApplicationForm(loaded())
        assert kept._questions is not None, "the form was not kept: the test tests nothing"
        text = kept.definition_json()
    afresh = ApplicationForm(loaded())  # outside the block: nothing kept
    assert afresh._questions is None
    assert json.loads(text) == afresh.definition() == loaded().form_definition()
    assert list(json.loads(text)) == list(afresh.definition())
