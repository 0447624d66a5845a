"""The cohorts of many failed emails are resolved together, one resolver call per key prefix,
and agree with the one-email lookup: each kind of key names the cohort in the default (source)
language, and a key naming nothing (junk id, object gone, unknown prefix) names no cohort."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from applications.drafts import Draft
from tests.applications.conftest import make_form_page
from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.notifications.failures import email_cohort, email_cohorts
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import outbox_email
from workflows.review.models import ReviewAssignment
from workflows.roles import REVIEWERS

pytestmark = pytest.mark.django_db


def failed_email(key: str) -> OutboundEmail:
    email, _created = outbox_email(
        key=key,
        to="someone@example.org",
        language="en",
        template="application_submitted",
        context={"full_name": "Jana Nováková", "reference": 1},
    )
    OutboundEmail.objects.filter(pk=email.pk).update(status=OutboundEmail.Status.FAILED)
    return email


def emails_about(cohort, locales, reviewer) -> dict[OutboundEmail, object]:
    """Failed emails of the application-side kinds, each with the cohort it is about."""
    application = ApplicationFactory(cohort=cohort)
    assignment = ReviewAssignment.objects.create(application=application, reviewer=reviewer)
    form = make_form_page(cohort, "mentee")
    czech_form = form.copy_for_translation(locales["cs"], copy_parents=True)
    english_draft = Draft.objects.create(form_page=form, language="en")
    czech_draft = Draft.objects.create(form_page=czech_form, language="cs")
    keys = [
        f"application:{application.pk}:1:accept",
        f"application-submitted:{application.pk}",
        f"application-duplicate:{application.pk}:2026-11-01",
        f"application-draft:{english_draft.pk}:jana@example.org",
        f"application-draft:{czech_draft.pk}:jana@example.cz",
        f"review-reminder:{assignment.pk}:2026-11-01",
        f"next-cohort:{cohort.pk}:{application.person.pk}",
    ]
    return {failed_email(key): cohort for key in keys}


def test_many_keys_of_every_kind_resolve_to_their_source_cohort_like_one_at_a_time(locales):
    reviewer = UserFactory(groups=[REVIEWERS])
    expected = {
        **emails_about(make_cohort(title="Cohort A"), locales, reviewer),
        **emails_about(make_cohort(title="Cohort B"), locales, reviewer),
    }
    nothing = [
        failed_email(key)
        for key in (
            "application:not-a-number:1:accept",
            "application-submitted:999999",
            "application-draft:",
            "application",
            "event-registration:1:confirm",
            "unknown-prefix:1",
        )
    ]
    emails = [*expected, *nothing]

    with CaptureQueriesContext(connection) as few:  # cohort A's emails and two of B's
        email_cohorts(emails[:9])
    with CaptureQueriesContext(connection) as many:
        resolved = email_cohorts(emails)

    assert {email.pk: cohort.pk for email, cohort in expected.items()} == {
        pk: cohort.pk for pk, cohort in resolved.items()
    }
    assert all(
        resolved[email.pk].locale_id == cohort.locale_id for email, cohort in expected.items()
    )
    assert len(many.captured_queries) == len(few.captured_queries)  # the same prefixes: no more
    for email in emails:
        one = email_cohort(email)
        assert (one and one.pk) == (resolved[email.pk].pk if email.pk in resolved else None)
