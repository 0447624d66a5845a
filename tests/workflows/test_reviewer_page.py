"""The reviewer's page: answers and CV beside the rubric, in the reviewer's admin language;
levels with descriptions; drafts; submit then next; no internal notes; the CV for the
assigned reviewer only."""

from __future__ import annotations

import hashlib

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.users.models import UserProfile

from applications.models import Upload
from tests.applications.conftest import (
    cohort,
    disciplines,
    institutions,
    make_pdf,
    mentee_form,
    privacy_notice,
)
from tests.applications.test_translation import translate
from tests.factories import ApplicationFactory, PersonFactory, UserFactory, english
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition
from workflows.lifecycles.application import APPLICATION
from workflows.review.drafts import ReviewDraft
from workflows.review.models import Criterion, Review, ReviewAssignment, Rubric
from workflows.roles import COORDINATORS, REVIEWERS

pytestmark = pytest.mark.django_db

#: The application-form fixtures this module borrows (pytest finds them by these names).
BORROWED_FIXTURES = (cohort, disciplines, institutions, mentee_form, privacy_notice)

NOTE = "Internal: the coordinators doubt the motivation"


def staff(group: str, language: str = "en", **fields):
    user = UserFactory(groups=[group], **fields)
    access = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    Group.objects.get(name=group).permissions.add(access)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def rubric():
    rubric = Rubric.objects.create(name="Mentee rubric", role="mentee", locale=english())
    Criterion.objects.create(
        rubric=rubric,
        label="Motivation",
        help_text="Are the goals concrete?\n4: Concrete goals a mentor can help with",
        locale=english(),
    )
    Criterion.objects.create(rubric=rubric, label="Fit", locale=english())
    return rubric


@pytest.fixture
def application(mentee_form):
    application = ApplicationFactory(
        person=PersonFactory(full_name="Řehoř Čížek"),
        cohort=mentee_form.get_parent().specific,
        form_page=mentee_form,
        form_snapshot=mentee_form.form_definition(),
    )
    data = make_pdf()
    upload = Upload.objects.create(
        application=application,
        field_key="cv",
        file=ContentFile(data, name="cv.pdf"),
        original_name="Lebenslauf Čížek.pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    application.answers = {
        "full_name": "Řehoř Čížek",
        "goals": "A doctorate in robotics",
        "heard_from": "friend",
        "mentoring_languages": {"cs": "native", "de": "B2", "en": ""},
        "cv": {"upload": upload.pk, "name": upload.original_name},
    }
    application.save()
    return application


@pytest.fixture
def reviewer():
    return staff(REVIEWERS, first_name="Petra", last_name="Šťastná")


@pytest.fixture
def assignments(application, reviewer, mentee_form):
    first = ReviewAssignment.objects.create(application=application, reviewer=reviewer)
    other = ApplicationFactory(cohort=application.cohort, form_snapshot={})
    second = ReviewAssignment.objects.create(application=other, reviewer=reviewer)
    return first, second


def page(client, assignment, **kwargs):
    return client.get(reverse("review_admin:review", args=[assignment.pk]), **kwargs)


def test_answers_cv_and_levels_beside_the_rubric(client, reviewer, assignments, rubric):
    client.force_login(reviewer)
    html = page(client, assignments[0]).content.decode()
    assert "A doctorate in robotics" in html
    assert "How did you hear about us?" in html and "From a friend" in html
    assert "Czech (Native speaker), German (B2)" in html
    assert "cs: native" not in html
    cv_url = reverse("reviewer_page:cv", args=[assignments[0].pk, Upload.objects.get().pk])
    assert f'<iframe class="reviewer-page__cv" src="{cv_url}"' in html
    assert f"{cv_url}?download=1" in html
    assert "4 – Good</strong>: Concrete goals a mentor can help with" in html
    assert "5 – Excellent</strong>:" in html
    assert "Are the goals concrete?" in html
    assert 'value="draft"' in html and 'value="review"' in html


def test_labels_cohort_and_rubric_in_the_reviewers_admin_language(
    client, assignments, rubric, mentee_form, cohort, locales, django_capture_on_commit_callbacks
):
    targets = {"de": locales["de"], "cs": locales["cs"]}
    translate(cohort, targets, django_capture_on_commit_callbacks)
    translate(mentee_form, targets, django_capture_on_commit_callbacks)
    german = rubric.copy_for_translation(locales["de"])
    german.name = "Mentee-Bewertung"
    german.save()
    for criterion in german.criteria.all():
        criterion.label = "Kriterium " + criterion.label
        criterion.save()
    reviewer = staff(REVIEWERS, language="de")
    assignment = ReviewAssignment.objects.create(
        application=assignments[0].application, reviewer=reviewer
    )
    client.force_login(reviewer)
    html = page(client, assignment).content.decode()
    assert "[de] How did you hear about us?" in html
    assert f"[de] {cohort.title}" in html
    assert "Mentee-Bewertung" in html and "Kriterium Motivation" in html
    assert "Tschechisch" in html


def test_a_draft_is_kept_and_only_for_its_reviewer(client, reviewer, assignments, rubric):
    client.force_login(reviewer)
    motivation = rubric.criteria.get(label="Motivation")
    url = reverse("review_admin:review", args=[assignments[0].pk])
    response = client.post(
        url,
        {"action": "draft", f"criterion_{motivation.pk}": "4", "comment": "Half-way through"},
    )
    assert response.status_code == 302
    assert ReviewDraft.objects.get().data[f"criterion_{motivation.pk}"] == "4"
    html = page(client, assignments[0]).content.decode()
    assert "Half-way through" in html
    assert f'value="4" id="id_criterion_{motivation.pk}_3" checked' in html.replace(
        'checked id="', 'id="'
    ) or ("checked" in html and f'name="criterion_{motivation.pk}" value="4"' in html)
    assert not Review.objects.exists()

    client.force_login(staff(REVIEWERS))
    assert page(client, assignments[0]).status_code == 404


def test_submit_discards_the_draft_and_opens_the_next_assignment(
    client, reviewer, assignments, rubric
):
    client.force_login(reviewer)
    url = reverse("review_admin:review", args=[assignments[0].pk])
    client.post(url, {"action": "draft", "comment": "draft"})
    scores = {f"criterion_{c.pk}": "4" for c in rubric.criteria.all()}
    response = client.post(
        url, {"action": "review", **scores, "recommendation": "accept", "comment": "Strong"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("review_admin:review", args=[assignments[1].pk])
    assert Review.objects.get().comment == "Strong"
    assert not ReviewDraft.objects.exists()


def test_an_invalid_submission_loses_nothing(client, reviewer, assignments, rubric):
    client.force_login(reviewer)
    url = reverse("review_admin:review", args=[assignments[0].pk])
    response = client.post(url, {"action": "review", "comment": "Unfinished thoughts"})
    assert response.status_code == 200
    assert "Please score this criterion from 1 to 5." in response.content.decode()
    assert "Unfinished thoughts" in response.content.decode()
    assert ReviewDraft.objects.get().data["comment"] == "Unfinished thoughts"


def test_cv_inline_for_the_assigned_reviewer_only(client, reviewer, assignments):
    upload = Upload.objects.get()
    url = reverse("reviewer_page:cv", args=[assignments[0].pk, upload.pk])
    client.force_login(reviewer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    download = client.get(url, {"download": "1"})
    assert download["Content-Disposition"].startswith("attachment")
    # another assignment of the same reviewer does not open this application's file
    other = reverse("reviewer_page:cv", args=[assignments[1].pk, upload.pk])
    assert client.get(other).status_code == 404

    for user in (staff(REVIEWERS), staff(COORDINATORS)):
        client.force_login(user)
        assert client.get(url).status_code == 404


def test_recused_reviewer_loses_the_page_and_the_cv(client, reviewer, assignments):
    ReviewAssignment.objects.filter(pk=assignments[0].pk).update(status="recused")
    client.force_login(reviewer)
    assert page(client, assignments[0]).status_code == 404
    url = reverse("reviewer_page:cv", args=[assignments[0].pk, Upload.objects.get().pk])
    assert client.get(url).status_code == 404


def test_reviewers_never_see_the_coordinators_internal_note(
    client, reviewer, assignments, application
):
    coordinator = staff(COORDINATORS)
    actor = Actor(user=coordinator)
    apply_transition(APPLICATION, application, "start_review", actor)
    apply_transition(APPLICATION, application, "waitlist", actor, comment=NOTE)
    client.force_login(reviewer)
    assert NOTE not in page(client, assignments[0]).content.decode()
    inspect = reverse("application_admin:inspect", args=[application.pk])
    html = client.get(inspect).content.decode()
    assert "Řehoř Čížek" in html and NOTE not in html

    client.force_login(coordinator)
    assert NOTE in client.get(inspect).content.decode()
