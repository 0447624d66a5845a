"""Fixtures for the applications tests: a cohort with partner institutions, disciplines, a
privacy notice, mentee and mentor forms, real PDFs and complete valid answers."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter

from applications.core import required_core_keys
from applications.models import ApplicationFormPage, Discipline, PrivacyNotice
from tests.factories import InstitutionFactory, english, make_cohort


def accept_received() -> int:
    """What the worker does after a form POST, here and now: every received submission
    becomes an application (``applications.acceptance.accept_received``, the function its
    queued task runs). Returns how many were waiting. test_acceptance runs the real queue."""
    from applications.acceptance import accept_waiting

    return accept_waiting(older_than=timedelta(0))


def make_pdf(pages: int = 1, padding: int = 0) -> bytes:
    """A real, parseable PDF made with pypdf (``padding`` bytes of metadata make it large)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if padding:
        writer.add_metadata({"/Padding": "x" * padding})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_upload(name: str = "cv.pdf", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf(**kwargs), content_type="application/pdf")


def core_blocks(role: str, skip: tuple[str, ...] = ()) -> list[tuple[str, dict]]:
    blocks = [("heading", {"text": "About you"})]
    blocks += [
        ("core", {"question": key, "label": "", "help_text": ""})
        for key in required_core_keys(role)
        if key not in skip
    ]
    blocks.append(
        (
            "choice",
            {
                "key": "heard_from",
                "label": "How did you hear about us?",
                "help_text": "",
                "required": True,
                "choices": [
                    {"value": "friend", "label": "From a friend"},
                    {"value": "website", "label": "On the website"},
                ],
            },
        )
    )
    return blocks


def make_form_page(cohort, role: str = "mentee", skip: tuple[str, ...] = ()) -> ApplicationFormPage:
    page = ApplicationFormPage(
        title=f"Apply as a {role}",
        slug=f"apply-{role}",
        role=role,
        questions=core_blocks(role, skip),
    )
    cohort.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def institutions(db):
    return {
        "uwb": InstitutionFactory(name="University of West Bohemia", short_name="UWB"),
        "oth": InstitutionFactory(
            name="OTH Amberg-Weiden", short_name="OTH", country="DE", city="Amberg"
        ),
        "elsewhere": InstitutionFactory(name="Elsewhere University", short_name="EU"),
    }


@pytest.fixture
def disciplines(db):
    return {
        key: Discipline.objects.create(key=key, name=name, locale=english())
        for key, name in [("informatics", "Informatics"), ("mechanical", "Mechanical engineering")]
    }


@pytest.fixture
def privacy_notice(db):
    return PrivacyNotice.objects.create(
        version="2026-09",
        title="Privacy notice",
        text="<p>We keep your data safe.</p>",
        effective_from=timezone.now() - timezone.timedelta(days=30),
        locale=english(),
    )


@pytest.fixture
def cohort(institutions):
    return make_cohort(
        mentee_institutions=[institutions["uwb"], institutions["oth"]],
        mentor_institutions=[institutions["uwb"], institutions["oth"]],
    )


@pytest.fixture
def mentee_form(cohort, disciplines, privacy_notice):
    return make_form_page(cohort, "mentee")


@pytest.fixture
def mentor_form(cohort, disciplines, privacy_notice):
    return make_form_page(cohort, "mentor")


def valid_answers(
    role: str, institution, *, email: str = "jana.novakova@example.cz", language: str = "cs"
) -> dict:
    """POST data answering every question of :func:`make_form_page` validly."""
    data = {
        "full_name": "Jana Nováková",
        "email": email,
        "preferred_language": language,
        "institution": str(institution.translation_key),
        "faculty": "Faculty of Applied Sciences",
        "programme_or_position": "Computer Science (MSc)",
        "disciplines": ["informatics"],
        "research_interests": "Machine learning, Robotics, machine learning",
        "mentoring_languages_cs": "native",
        "mentoring_languages_de": "B2",
        "mentoring_languages_en": "C1",
        "meeting_preference": "mixed",
        "availability": ["0-16-20", "2-08-12"],
        "timezone": "Europe/Prague",
        "privacy_consent": "on",
        "privacy_notice_version": "2026-09",
        "heard_from": "friend",
    }
    if role == "mentee":
        data.update({"degree_level": "master", "goals": "Find my way into a doctorate."})
    else:
        data.update({"academic_rank": "professor", "capacity": "2"})
    return data
