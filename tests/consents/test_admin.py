"""Coordinators of the application's cohort see the applicant's consents (read-only) on the
application's admin page; reviewers and coordinators of other cohorts do not."""

from __future__ import annotations

import pytest
from django.urls import reverse

from consents.purposes import APPLICATION, EVALUATION
from consents.services import record_consent
from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.access.models import CohortRole
from workflows.engine.actors import Actor
from workflows.review.models import ReviewAssignment
from workflows.roles import COORDINATORS, REVIEWERS

pytestmark = pytest.mark.django_db


@pytest.fixture
def application():
    application = ApplicationFactory(cohort=make_cohort(title="Cohort A"))
    for purpose, granted in ((APPLICATION, True), (EVALUATION, False)):
        record_consent(
            application.person,
            purpose,
            granted=granted,
            notice_version="2026-09",
            source="form",
            actor=Actor.system(),
        )
    return application


def page(client, user, application):
    client.force_login(user)
    return client.get(reverse("application_admin:inspect", args=[application.pk]))


def coordinator_of(cohort):
    user = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=user, cohort=cohort, role=CohortRole.Role.COORDINATOR)
    return user


def test_the_cohorts_coordinator_sees_the_consents(client, application):
    body = page(client, coordinator_of(application.cohort), application).content.decode()
    assert 'id="application-consents"' in body
    assert 'data-purpose="application" data-state="given"' in body
    assert 'data-purpose="evaluation" data-state="withdrawn"' in body


def test_a_coordinator_of_another_cohort_does_not(client, application):
    response = page(client, coordinator_of(make_cohort(title="Cohort B")), application)
    assert response.status_code in {302, 403, 404}
    assert b"application-consents" not in response.content


def test_the_assigned_reviewer_sees_the_application_but_not_the_consents(client, application):
    reviewer = UserFactory(groups=[REVIEWERS])
    ReviewAssignment.objects.create(application=application, reviewer=reviewer)
    response = page(client, reviewer, application)
    assert response.status_code == 200
    assert b"application-consents" not in response.content
