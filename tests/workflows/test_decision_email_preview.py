"""The decision form previews the exact email the applicant will get, in their language."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.factories import ApplicationFactory, PersonFactory, UserFactory, make_cohort
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition, set_effect_enabled
from workflows.lifecycles.application import APPLICATION
from workflows.notifications.models import OutboundEmail
from workflows.review.email_preview import decision_email
from workflows.roles import COORDINATORS, REVIEWERS

pytestmark = pytest.mark.django_db


def staff(group: str):
    user = UserFactory(groups=[group])
    access = Permission.objects.get(codename="access_admin", content_type__app_label="wagtailadmin")
    Group.objects.get(name=group).permissions.add(access)
    return user


@pytest.fixture
def application():
    application = ApplicationFactory(
        cohort=make_cohort(title="Cohort 2026/27"),
        person=PersonFactory(full_name="Jürgen Größmann", preferred_language="de"),
        language="de",
    )
    apply_transition(
        APPLICATION,
        application,
        "start_review",
        Actor.system(),
        disabled_effects=frozenset({"email_applicant", "email_reviewers"}),
    )
    return application


def test_the_preview_is_the_email_that_is_sent(run_tasks_inline, application):
    coordinator = staff(COORDINATORS)
    preview = decision_email(application, "waitlist", "We will write in March.")
    assert preview["language"] == "de" and not preview["switched_off"]
    apply_transition(
        APPLICATION,
        application,
        "waitlist",
        Actor(user=coordinator),
        message="We will write in March.",
    )
    sent = OutboundEmail.objects.get(template="application_waitlist")
    assert (sent.subject, sent.body_text, sent.language) == (
        preview["subject"],
        preview["text"],
        "de",
    )


def test_coordinators_get_the_fragment_others_a_404(client, application):
    url = reverse("email_preview:decision_email", args=[application.pk])
    client.force_login(staff(COORDINATORS))
    response = client.get(url, {"decision": "accept", "message": "Willkommen!"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-language="de"' in html and "Willkommen!" in html
    assert "Choose a decision" in client.get(url, {"decision": "nonsense"}).content.decode()

    set_effect_enabled(APPLICATION, "accept", "email_applicant", False)
    assert "switched off" in client.get(url, {"decision": "accept"}).content.decode()

    client.force_login(staff(REVIEWERS))
    assert client.get(url, {"decision": "accept"}).status_code == 404


def test_the_decision_form_holds_the_preview_region(client, application):
    client.force_login(staff(COORDINATORS))
    html = client.get(reverse("review_admin:application", args=[application.pk])).content.decode()
    assert reverse("email_preview:decision_email", args=[application.pk]) in html
