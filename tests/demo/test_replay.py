"""The demo's applications: the pilot replayed with its real dates, the open intake in review.

Uses the package's one demo load (see conftest.py); every test runs in a savepoint inside it.
"""

from __future__ import annotations

import datetime
import io
import os

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_q.models import OrmQ
from pypdf import PdfReader

from applications.models import Application, ApplicationFormPage, Person, Upload
from demo.loaders.cohorts import open_intake, pilot
from demo.loaders.forms import form_page
from demo.loaders.institutions import institution
from tests.factories import ApplicationFactory, PersonFactory
from workflows.engine.models import HistoryEntry
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import SEND_TASK
from workflows.review.models import Review, ReviewAssignment, Score
from workflows.review.selectors import applications_visible_to

pytestmark = pytest.mark.django_db

PILOT_STEPS = [
    "create",
    "start_review",
    "accept",
    "match",
    "prepare_agreement",
    "activate",
    "complete",
]


def history(application: Application) -> list[HistoryEntry]:
    return list(HistoryEntry.objects.for_object(application).order_by("created_at", "pk"))


def test_the_pilot_took_ten_mentees_from_oth_and_ten_mentors_from_uwb(demo):
    cohort = pilot()
    mentees = Application.objects.filter(cohort=cohort, role="mentee")
    mentors = Application.objects.filter(cohort=cohort, role="mentor")
    assert mentees.count() == mentors.count() == 10
    assert {a.profile.institution for a in mentees} == {institution("oth")}
    assert {a.profile.institution for a in mentors} == {institution("uwb")}
    assert {a.state for a in [*mentees, *mentors]} == {"completed"}
    assert mentees.filter(person__preferred_language="de").count() >= 6
    assert {a.profile.capacity for a in mentors} == {1}
    # Submitted through the translated forms, in the applicant's language.
    assert {a.form_page.locale.language_code for a in mentors} == {"cs"}
    assert "de" in {a.form_page.locale.language_code for a in mentees}
    faculties = {a.profile.faculty for a in mentors}
    assert len(faculties) >= 5 and "Faculty of Health Care Studies" in faculties
    assert any("ß" in a.person.full_name or "ö" in a.person.full_name for a in mentees)
    assert any("ř" in a.person.full_name.casefold() for a in mentors)


def test_every_pilot_history_runs_from_submission_to_completion_in_2023_24(demo):
    for application in Application.objects.filter(cohort=pilot()):
        entries = history(application)
        assert [e.transition for e in entries] == PILOT_STEPS, application
        times = [e.created_at for e in entries]
        assert times == sorted(times) and len(set(times)) == len(times)
        assert (times[0].year, times[0].month) == (2023, 10)  # submitted in October 2023
        assert (times[2].year, times[2].month) in {(2023, 10), (2023, 11)}  # decided
        assert (times[-1].year, times[-1].month) == (2024, 7)  # completed in July 2024
        assert application.submitted_at == times[0]
        assert application.state_changed_at == times[-1]


def test_the_tandems_are_recorded_with_their_match(demo):
    mentee = Application.objects.get(cohort=pilot(), person__full_name="Lena Schäfer")
    match = next(e for e in history(mentee) if e.transition == "match")
    assert "Jiří Dvořák" in match.comment


def test_every_pilot_application_was_reviewed_with_scores(demo):
    for application in Application.objects.filter(cohort=pilot()):
        review = Review.objects.get(assignment__application=application)
        assert review.assignment.reviewer.username == "reviewer"
        assert review.recommendation == "accept" and review.comment
        assert Score.objects.filter(review=review).count() == 3
        assert 1 <= review.weighted_score <= 5
        decided = next(e for e in history(application) if e.transition == "accept")
        assert review.submitted_at < decided.created_at
        assert review.assignment.assigned_at.year == 2023


def _queued(func: str) -> list:
    return [q.task["args"][0] for q in OrmQ.objects.all() if q.task["func"] == func]


def test_nobody_was_emailed_about_the_pilot(demo):
    pilot_emails = set(
        Person.objects.filter(applications__cohort=pilot()).values_list("email", flat=True)
    )
    assert len(pilot_emails) == 20
    assert not OutboundEmail.objects.filter(to__in=pilot_emails).exists()
    # Nor is an email waiting in the task queue: neither a send nor a transition notice.
    queued = OutboundEmail.objects.filter(pk__in=_queued(SEND_TASK))
    assert queued.exists() and not queued.filter(to__in=pilot_emails).exists()
    pilot_ids = [
        str(pk) for pk in Application.objects.filter(cohort=pilot()).values_list("pk", flat=True)
    ]
    notices = HistoryEntry.objects.filter(
        pk__in=_queued("workflows.notifications.tasks.notify_transition")
    )
    assert notices.exists()  # the open intake's request for changes is on its way
    assert not notices.filter(object_id__in=pilot_ids).exists()


def test_the_open_intakes_reviewer_sees_exactly_their_assignments(demo):
    cohort = open_intake_of_demo()
    reviewer = get_user_model().objects.get(username="reviewer")
    # Someone else's application in the same cohort: not assigned, so not visible.
    ApplicationFactory(cohort=cohort, person=PersonFactory(email="unassigned@example.org"))
    visible = set(applications_visible_to(reviewer).filter(cohort=cohort))
    assigned = {
        a.application
        for a in ReviewAssignment.objects.filter(reviewer=reviewer, application__cohort=cohort)
    }
    assert visible == assigned
    assert len(visible) == 4
    open_reviews = ReviewAssignment.objects.open().filter(reviewer=reviewer)
    assert open_reviews.filter(application__cohort=cohort).count() == 2
    assert {a.language for a in visible} == {"cs", "de", "en"}
    assert {a.role for a in visible} == {"mentee", "mentor"}


def test_the_coordinator_has_a_decision_and_an_applicant_is_asked_for_changes(demo):
    cohort = open_intake_of_demo()
    in_review = Application.objects.filter(cohort=cohort, state="in_review")
    decidable = [
        a
        for a in in_review
        if not a.review_assignments.open().exists() and a.review_assignments.exists()
    ]
    assert len(decidable) == 1
    amend = Application.objects.get(cohort=cohort, state="changes_requested")
    asked = history(amend)[-1]
    assert asked.transition == "request_changes" and asked.message
    for application in Application.objects.filter(cohort=cohort):
        entries = history(application)
        assert entries[0].transition == "create"
        assert entries[0].created_at < demo_now()
        assert [e.created_at for e in entries] == sorted(e.created_at for e in entries)
        # Today's applicants got their confirmation (once, by key).
        assert OutboundEmail.objects.filter(key=f"application-submitted:{application.pk}").exists()


def test_the_forms_are_published_in_three_languages(demo):
    for cohort in (pilot(), open_intake_of_demo()):
        for role in ("mentee", "mentor"):
            page = form_page(cohort, role)
            assert page.live and page.introduction.startswith("<p>")
            for language in ("cs", "de"):
                translated = form_page(cohort, role, language)
                assert translated.live
                assert translated.introduction != page.introduction
    german = form_page(pilot(), "mentee", "de")
    assert german.title == "Bewerbung als Mentee"
    assert ApplicationFormPage.objects.filter(locale__language_code="en").count() == 4


def test_the_cvs_are_real_pdfs_stored_privately(demo):
    private_root = str(settings.PRIVATE_MEDIA_ROOT)
    uploads = Upload.objects.filter(application__cohort=pilot()).select_related(
        "application__person"
    )
    assert uploads.count() == 20
    for upload in uploads:
        assert upload.file.path.startswith(private_root)
        with upload.file.open("rb") as handle:
            reader = PdfReader(handle)
            text = reader.pages[0].extract_text()
        assert len(reader.pages) == 1
        assert upload.application.person.full_name.split()[-1] in text
        assert upload.application.answers["cv"]["upload"] == upload.pk


def private_files() -> int:
    return sum(len(files) for _root, _dirs, files in os.walk(settings.PRIVATE_MEDIA_ROOT))


COUNTED = [
    Application,
    Person,
    HistoryEntry,
    OutboundEmail,
    OrmQ,
    ReviewAssignment,
    Review,
    Score,
    Upload,
]


def test_a_second_run_adds_no_application_review_history_email_or_file(demo):
    before = {model.__name__: model._default_manager.count() for model in COUNTED}
    files = private_files()
    # 20 pilot applications, 4 in the open intake's review queue, 7 accepted for matching.
    assert before["Application"] == 31 and files >= 31
    call_command("demo", stdout=io.StringIO())
    after = {model.__name__: model._default_manager.count() for model in COUNTED}
    assert after == before
    assert private_files() == files


# Helpers ---------------------------------------------------------------------------------


def demo_now() -> datetime.datetime:
    from django.utils import timezone

    return timezone.now()


def open_intake_of_demo():
    from demo.context import LoadContext

    return open_intake(LoadContext(stdout=io.StringIO()))


def test_the_rubrics_are_translated_for_reviewers(demo):
    from workflows.review.models import Rubric
    from workflows.review.services import rubric_for

    application = Application.objects.filter(cohort=pilot(), role="mentee").first()
    german = rubric_for(application, "de")
    assert german.locale.language_code == "de" and german.name == "Bewerbungen von Mentees"
    assert [c.label for c in german.criteria.all()][0] == "Motivation und Ziele"
    assert Rubric.objects.filter(role="mentor", locale__language_code="cs").exists()
