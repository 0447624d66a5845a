"""The review screens in the Wagtail admin: who can open what."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse

from tests.factories import ApplicationFactory, UserFactory
from workflows.access.models import CohortRole
from workflows.engine.actors import Actor
from workflows.engine.models import EffectSwitch
from workflows.notifications.models import OutboundEmail
from workflows.review import services
from workflows.review.models import ReviewAssignment
from workflows.roles import COORDINATORS, REVIEWERS


def not_found(client, url) -> bool:
    """A 404 (LocaleMiddleware first redirects an unknown path to its /en/ twin, also 404)."""
    return client.get(url, follow=True).status_code == 404


def denied(response) -> bool:
    """Wagtail turns PermissionDenied into a redirect to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def assignment(application, coordinator, reviewer):
    return services.assign_reviewer(application, reviewer, Actor(user=coordinator))


def test_groups_exist_with_admin_access(db):
    from django.contrib.auth.models import Group

    for name in (COORDINATORS, REVIEWERS, "Editors"):
        group = Group.objects.get(name=name)
        assert group.permissions.filter(codename="access_admin").exists()
    coordinators = Group.objects.get(name=COORDINATORS)
    assert coordinators.permissions.filter(codename="change_rubric").exists()
    assert (
        not Group.objects.get(name=REVIEWERS)
        .permissions.filter(codename="view_application")
        .exists()
    )


def test_reviewer_sees_own_reviews_and_cannot_open_others(
    assignment, reviewer, other_reviewer, cohort, coordinator, rubric
):
    foreign = services.assign_reviewer(
        ApplicationFactory(cohort=cohort), other_reviewer, Actor(user=coordinator)
    )
    client = client_for(reviewer)
    listing = client.get(reverse("review_admin:my_reviews"))
    assert listing.status_code == 200
    assert str(assignment.application) in listing.content.decode()
    assert str(foreign.application) not in listing.content.decode()
    assert client.get(reverse("review_admin:review", args=[assignment.pk])).status_code == 200
    assert not_found(client, reverse("review_admin:review", args=[foreign.pk]))
    # Coordinator screens are closed to reviewers, even for their own application.
    for url in (
        reverse("review_admin:decisions"),
        reverse("review_admin:application", args=[assignment.application.pk]),
        reverse("review_admin:application", args=[foreign.application.pk]),
        reverse("console:workflows"),
        reverse("console:failures"),
    ):
        response = client.get(url)
        assert denied(response) or not_found(client, url), url


def test_reviewer_submits_the_rubric_through_the_form(assignment, reviewer, rubric):
    client = client_for(reviewer)
    url = reverse("review_admin:review", args=[assignment.pk])
    motivation, fit = rubric.criteria.all()
    bad = client.post(
        url,
        {
            "action": "review",
            f"criterion_{motivation.pk}": "5",
            "recommendation": "accept",
            "comment": "Strong",
        },
    )
    assert bad.status_code == 200  # re-shown with the error, input kept
    body = bad.content.decode()
    assert "Please score this criterion from 1 to 5." in body and "Strong" in body
    ok = client.post(
        url,
        {
            "action": "review",
            f"criterion_{motivation.pk}": "5",
            f"criterion_{fit.pk}": "2",
            "recommendation": "accept",
        },
    )
    assert ok.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.SUBMITTED
    assert str(assignment.review.weighted_score) == "4.00"


def test_reviewer_declares_a_conflict_in_the_form(assignment, reviewer, other_reviewer):
    client = client_for(reviewer)
    url = reverse("review_admin:review", args=[assignment.pk])
    response = client.post(url, {"action": "conflict", "reason": "My own student."})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.status == ReviewAssignment.Status.RECUSED
    assert (
        ReviewAssignment.objects.get(
            application=assignment.application, reviewer=other_reviewer
        ).status
        == ReviewAssignment.Status.ASSIGNED
    )
    assert not_found(client, url)  # recused: no longer theirs


def test_coordinator_decides_from_the_application_page(assignment, coordinator):
    client = client_for(coordinator)
    url = reverse("review_admin:application", args=[assignment.application.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "History" in html
    decide_form = BeautifulSoup(html, "html.parser").select_one("#decide ~ form")
    assert not decide_form.select("input[checked]")  # nothing preselected, no email ticked
    assert "0 of 10 places taken" in html
    missing = client.post(
        url,
        {"action": "decide", "decision": "request_changes", "message": "", "email_applicant": "on"},
    )
    assert "Please tell the applicant what to change." in missing.content.decode()
    accept = {
        "action": "decide",
        "decision": "accept",
        "message": "Welcome",
        "email_applicant": "on",
    }
    unconfirmed = client.post(url, accept)  # the assigned review is still outstanding
    assert "confirm that you decide anyway" in unconfirmed.content.decode()
    done = client.post(url, {**accept, "confirm_outstanding": "on"})
    assert done.status_code == 302
    assignment.application.refresh_from_db()
    assert assignment.application.state == "accepted"


def test_batch_decision_view(cohort, coordinator):
    applications = [ApplicationFactory(cohort=cohort, state="in_review") for _ in range(3)]
    client = client_for(coordinator)
    listing = client.get(reverse("review_admin:decisions"))
    assert listing.status_code == 200
    response = client.post(
        reverse("review_admin:decisions"),
        {
            "applications": [a.pk for a in applications[:2]],
            "decision": "reject",
            "message": "",
        },
    )
    assert response.status_code == 302
    states = [type(a).objects.get(pk=a.pk).state for a in applications]
    assert states == ["rejected", "rejected", "in_review"]


def test_cohort_coordinator_cannot_open_or_batch_decide_another_cohort(cohort, other_cohort):
    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=cohort)
    foreign = ApplicationFactory(cohort=other_cohort, state="in_review")
    client = client_for(coordinator)
    assert not_found(client, reverse("review_admin:application", args=[foreign.pk]))
    response = client.post(
        reverse("review_admin:decisions"),
        {"applications": [foreign.pk], "decision": "accept", "message": ""},
    )
    assert response.status_code == 200  # not a valid choice for them
    foreign.refresh_from_db()
    assert foreign.state == "in_review"


def test_workflow_pages_show_generated_diagrams_and_switch_emails(coordinator):
    client = client_for(coordinator)
    assert client.get(reverse("console:workflows")).status_code == 200
    for name in ("application", "match", "agreement"):
        page = client.get(reverse("console:workflow", args=[name]))
        assert page.status_code == 200
        assert "<svg" in page.content.decode()
    assert not_found(client, reverse("console:workflow", args=["nope"]))
    response = client.post(
        reverse("console:workflow", args=["application"]),
        {"transition": "reject", "effect": "email_applicant", "enabled": "0"},
    )
    assert response.status_code == 302
    assert not EffectSwitch.objects.get(transition="reject").enabled


def test_cohort_coordinator_cannot_switch_global_emails(cohort):
    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=cohort)
    response = client_for(coordinator).post(
        reverse("console:workflow", args=["application"]),
        {"transition": "reject", "effect": "email_applicant", "enabled": "0"},
    )
    assert denied(response)
    assert not EffectSwitch.objects.exists()


def test_failures_page_lists_and_retries_failed_emails(coordinator):
    email = OutboundEmail.objects.create(
        key="x",
        template="review_reminder",
        to="r@example.org",
        language="en",
        subject="Subject",
        body_text="Body",
        status=OutboundEmail.Status.FAILED,
        last_error="SMTP down",
    )
    client = client_for(coordinator)
    page = client.get(reverse("console:failures"))
    assert "SMTP down" in page.content.decode()
    client.post(reverse("console:failures"), {"kind": "email", "id": email.pk})
    email.refresh_from_db()
    assert email.status == OutboundEmail.Status.PENDING


def test_admin_menu_and_snippets_render(coordinator, reviewer):
    for user in (coordinator, reviewer):
        assert client_for(user).get(reverse("wagtailadmin_home")).status_code == 200
    admin = UserFactory(is_superuser=True, is_staff=True)
    client = client_for(admin)
    assert client.get(reverse("wagtailsnippets_review_rubric:list")).status_code == 200
    assert (
        client.get(reverse("wagtailsnippets_notifications_emailtemplate:list")).status_code == 200
    )
    assert client.get(reverse("cohort_roles:index")).status_code == 200
    assert client.get(reverse("reviewer_profiles:index")).status_code == 200


def test_assignment_listing_is_scoped_and_read_only(cohort, other_cohort, reviewer):
    coordinator = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=coordinator, role="coordinator", cohort=cohort)
    admin = UserFactory(is_superuser=True)
    mine = services.assign_reviewer(ApplicationFactory(cohort=cohort), reviewer, Actor(user=admin))
    other = services.assign_reviewer(
        ApplicationFactory(cohort=other_cohort), reviewer, Actor(user=admin)
    )
    client = client_for(coordinator)
    listing = client.get(reverse("review_assignments:index"))
    assert listing.status_code == 200
    body = listing.content.decode()
    mine_name, other_name = mine.application.person.full_name, other.application.person.full_name
    assert mine_name in body and other_name not in body
    assert denied(client.get(reverse("review_assignments:add")))
    assert denied(client_for(admin).get(reverse("review_assignments:add")))
    assert denied(client_for(reviewer).get(reverse("review_assignments:index")))


def test_editors_edit_email_templates_and_see_the_placeholders(editor, reviewer):
    client = client_for(editor)
    form = client.get(reverse("wagtailsnippets_notifications_emailtemplate:add"))
    assert form.status_code == 200
    assert "{{ portal_url }}" in form.content.decode()
    assert denied(
        client_for(reviewer).get(reverse("wagtailsnippets_notifications_emailtemplate:add"))
    )
    # Editors have no business in review.
    assert denied(client.get(reverse("review_admin:decisions")))
