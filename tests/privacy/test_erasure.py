"""Erasure: after ``erase_person`` the person's name and email are nowhere (every column of
every table, pickles and sessions decoded, every file), except in the documented exception
(signed agreements), and the audit chain still verifies."""

from __future__ import annotations

import io
import os
import unicodedata

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from django_q.models import OrmQ, Task
from django_q.tasks import async_task
from pypdf import PdfWriter

from applications.models import Application, Person, Upload
from portal.models import SignInRequest, SignInToken
from portal.session import SESSION_KEY
from portal.signin import hash_email
from tests.factories import UserFactory
from tests.privacy.scan import Finder, scan_database, scan_files
from tests.trust.access_matrix.world import (
    APPLICANT_A,
    COORD_GLOBAL,
    COORD_THIS,
    MENTOR,
    build_world,
)
from workflows.agreements.models import Agreement, SigningEvent
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition, record_start
from workflows.engine.models import HistoryEntry
from workflows.evaluation.models import SurveyInvitation, SurveyResponse
from workflows.lifecycles.application import APPLICATION
from workflows.matching.inputs import pair_digest
from workflows.matching.models import Match, MatchingRun, PastPairHash
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import queue_email
from workflows.privacy.erasure import Needles, erase_person
from workflows.privacy.export import export_person
from workflows.privacy.models import ErasureRecord, ErasureRequest
from workflows.privacy.services import request_erasure
from workflows.programme_life.models import EventRegistration, Meeting
from workflows.review.models import Review, ReviewAssignment

NAME = "Anna Applicant"
EMAIL = "anna@example.org"


def named_pdf(name: str) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_metadata({"/Author": name, "/Title": f"CV of {name}"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def entry(subject, transition, from_state, to_state, actor_label, **fields) -> HistoryEntry:
    """A history entry as the engine writes it (appended to the chain)."""
    made = HistoryEntry(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=str(subject.pk),
        machine="application",
        transition=transition,
        from_state=from_state,
        to_state=to_state,
        actor_label=actor_label,
        **fields,
    )
    made.save()
    return made


def verify_audit() -> str:
    out = io.StringIO()
    call_command("verify_audit", stdout=out)
    return out.getvalue()


@pytest.fixture
def life(db, run_tasks_inline, monkeypatch):
    """Applicant A's whole year (the access matrix's world) plus everything that leaves
    traces: history with her name in comments, a review, emails sent through the worker,
    tasks with results, a queued task, a portal session, a staff account with her address,
    a matching run's inputs, an admin log line, sign-in links and counters, a past pair,
    an export and an erasure request."""
    world = build_world()
    a = world.people[APPLICANT_A]
    mentor = world.people[MENTOR]
    coordinator = world.users[COORD_THIS]
    app_a = Application.objects.get(pk=world.ids["application_a"])
    app_b = Application.objects.get(pk=world.ids["application_b"])
    app_a.answers = {"motivation": f"I am {NAME}, write to {EMAIL}", "email": EMAIL}
    app_a.save()
    upload = Upload.objects.get(pk=world.ids["cv"])
    upload.file.delete(save=False)
    upload.file.save("cv.pdf", ContentFile(named_pdf(NAME)))

    entry(app_a, "submit", "", "submitted", NAME, comment="", ip_address="192.0.2.10")
    entry(app_a, "accept", "in_review", "accepted", "Coordinator", message=f"Welcome, {NAME}!")
    record_start(APPLICATION, app_b, Actor(person=app_b.person))
    apply_transition(
        APPLICATION, app_b, "start_review", Actor(user=coordinator), comment=f"Like {NAME}'s one"
    )
    assignment = ReviewAssignment.objects.get(pk=world.ids["assignment"])
    assignment.conflict_reason = f"I know {NAME.upper()}"
    assignment.save()
    Review.objects.create(
        assignment=assignment, recommendation="accept", comment=f"{NAME} is strong"
    )
    queue_email(
        key="privacy-test:1",
        to=EMAIL,
        language="en",
        template="application_accept",
        context={"name": NAME},
    )
    queue_email(
        key="privacy-test:2",
        to=mentor.email,
        language="en",
        template="application_accept",
        context={"name": f"your mentee {NAME}"},
    )
    async_task("builtins.str", f"failed to reach {EMAIL}")  # a result naming her (inline)
    monkeypatch.setattr("django_q.conf.Conf.SYNC", False)
    async_task("builtins.len", EMAIL)  # waits in the ORM queue, pickled and signed
    world.client_for(APPLICANT_A).get("/en/portal/")
    UserFactory(
        username="anna-staff", email=EMAIL.upper(), first_name="Anna", last_name="Applicant"
    )
    MatchingRun.objects.create(
        cohort_id=world.ids["this"], inputs={"mentees": [{"id": app_a.pk, "label": NAME}]}
    )
    LogEntry.objects.create(
        user=world.users[COORD_GLOBAL],
        content_type=ContentType.objects.get_for_model(Person),
        object_id=str(a.pk),
        object_repr=NAME,
        action_flag=ADDITION,
    )
    SignInToken.objects.create(person=a, token_hash="1" * 64, requested_ip="192.0.2.10")
    SignInRequest.objects.create(email_hash=hash_email(EMAIL), ip_address="192.0.2.10")
    PastPairHash.objects.create(digest=pair_digest(EMAIL, mentor.email))
    export_person(a, Actor(person=a, ip="192.0.2.10", user_agent="Firefox"))
    request_erasure(a)
    world.a = a
    yield world
    for left in Upload.objects.all():  # files outlive the test's rolled-back rows
        left.file.delete(save=False)


def test_nothing_of_the_person_is_left_anywhere_and_the_chain_verifies(
    life, django_capture_on_commit_callbacks
):
    a = life.a
    finder = Finder(NAME, EMAIL)
    before = scan_database(finder)
    assert {hit[0] for hit in before} >= {
        "applications_person",
        "applications_application",
        "workflow_engine_historyentry",
        "notifications_outboundemail",
        "django_q_task",
        "django_q_ormq",
        "auth_user",
        "matching_matchingrun",
        "django_admin_log",
        "review_review",
    }, "the fixture must leave traces everywhere, or the test proves nothing"
    assert scan_files(finder), "the CV names her"
    cv_path = Upload.objects.get(pk=life.ids["cv"]).file.path

    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        record = erase_person(a, Actor(user=life.users[COORD_GLOBAL]), "asked by email")

    assert scan_database(finder) == []
    assert scan_files(finder) == []
    assert not Upload.objects.filter(pk=life.ids["cv"]).exists()
    assert not os.path.exists(cv_path)
    assert "intact" in verify_audit()
    assert HistoryEntry.objects.filter(redacted_at__isnull=False).exists()
    assert not [s for s in Session.objects.all() if s.get_decoded().get(SESSION_KEY) == a.pk]
    # What stays: anonymous figures, recorded without her name or email.
    assert Application.objects.filter(pk=life.ids["application_a"], state="accepted").exists()
    assert Match.objects.filter(pk=life.ids["pair1"]).exists()
    assert Meeting.objects.filter(pk=life.ids["meeting"]).exists()
    assert EventRegistration.objects.filter(person=a).exists()
    assert SurveyInvitation.objects.filter(person=a).exists()
    assert record.person_id_ref == a.pk and record.reason == "asked by email"
    assert ErasureRequest.objects.get(person_id_ref=a.pk).state == "done"
    erased = HistoryEntry.objects.filter(machine="privacy", transition="erase").get()
    assert erased.object_id == str(a.pk)
    assert not OutboundEmail.objects.filter(to__iexact=EMAIL).exists()
    assert not OrmQ.objects.exists() and Task.objects.filter(func="builtins.str").count() == 0
    # The other mentor's email stays, without her name.
    assert OutboundEmail.objects.filter(to=life.people[MENTOR].email).exists()


def test_a_signed_agreement_is_the_only_thing_kept(life, django_capture_on_commit_callbacks):
    """The documented exception: a signed agreement keeps its text, PDFs and signatures."""
    a = life.a
    agreement = Agreement.objects.get(pk=life.ids["agreement"])
    Agreement.objects.filter(pk=agreement.pk).update(state="active")
    SigningEvent.objects.create(
        agreement=agreement,
        role="mentee",
        person=a,
        typed_name=NAME,
        method="portal_link",
        pdf_sha256=agreement.issued_sha256,
        ip_address="192.0.2.10",
        signed_at=timezone.now(),
        consent_version="",
    )
    finder = Finder(NAME, EMAIL)
    with django_capture_on_commit_callbacks(execute=True):
        erase_person(a, Actor.system(), "retention")
    hits = scan_database(finder)
    allowed = {
        ("agreements_agreement", agreement.pk, column)
        for column in ("draft_text", "issued_text", "issued_pdf", "sealed_pdf")
    } | {
        ("agreements_signingevent", pk, "typed_name")
        for pk in SigningEvent.objects.filter(agreement=agreement).values_list("pk", flat=True)
    }
    assert hits, "the kept agreement names her"
    assert set(hits) <= allowed, sorted(set(hits) - allowed)
    assert scan_files(finder) == []
    assert "intact" in verify_audit()


def test_needles_match_any_case_and_normal_form():
    person = Person(full_name="Šárka Nováková", email="sarka@example.cz")
    needles = Needles.of(person)
    decomposed = unicodedata.normalize("NFD", "Dear ŠÁRKA NOVÁKOVÁ,")
    assert needles.in_text(decomposed)
    assert needles.scrub_text(decomposed) == "Dear [erased],"
    assert needles.scrub_value({"to": ["SARKA@example.cz"]}) == {"to": ["[erased]"]}


def test_survey_responses_stay_and_a_second_run_changes_nothing(life):
    invitation = SurveyInvitation.objects.get(person=life.a)
    SurveyResponse.objects.create(
        round=invitation.round,
        role="mentee",
        language="en",
        answers={"satisfaction": 5},
        submitted_on=invitation.round.send_on,
    )
    responses = SurveyResponse.objects.count()
    erase_person(life.a, Actor.system(), "first")
    erase_person(life.a, Actor.system(), "second")
    assert SurveyResponse.objects.count() == responses
    assert ErasureRecord.objects.filter(person_id_ref=life.a.pk).count() == 2
    assert "intact" in verify_audit()
