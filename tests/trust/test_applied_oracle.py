"""No oracle of who applied: a closed (or open) cohort's form API answers a known address and an
unknown one alike, and so does the HTML form."""

from __future__ import annotations

import pytest
from django.utils import timezone

from applications.models import Application
from tests.applications.conftest import pdf_upload, valid_answers

pytestmark = pytest.mark.django_db


def submit(client, form, institution, email):
    data = {**valid_answers("mentee", institution, email=email), "cv": pdf_upload()}
    return client.post(f"/api/v3/forms/{form.pk}/submissions/", data)


def shape(body: dict) -> dict:
    """The answer without the random tokens of kept uploads (fresh for every request)."""
    kept = body.get("kept_uploads")
    return {**body, "kept_uploads": sorted(kept)} if isinstance(kept, dict) else body


def close(cohort) -> None:
    from cohorts.models import CohortPage

    fields = {f.name for f in CohortPage._meta.get_fields()}
    updates = {
        name: timezone.now() - timezone.timedelta(days=1)
        for name in ("application_closes_at",)
        if name in fields
    }
    assert updates, "the cohort has a closing date field"
    CohortPage.objects.filter(pk=cohort.pk).update(**updates)


def test_a_closed_cohort_answers_known_and_unknown_addresses_alike(
    client, mentee_form, institutions, cohort
):
    assert submit(client, mentee_form, institutions["uwb"], "known@example.org").status_code == 201
    close(cohort)
    known = submit(client, mentee_form, institutions["uwb"], "known@example.org")
    unknown = submit(client, mentee_form, institutions["uwb"], "unknown@example.org")
    assert known.status_code == unknown.status_code
    assert shape(known.json()) == shape(unknown.json())
    assert Application.objects.count() == 1


def test_an_open_cohort_answers_a_duplicate_like_a_new_address(client, mentee_form, institutions):
    first = submit(client, mentee_form, institutions["uwb"], "known@example.org")
    again = submit(client, mentee_form, institutions["uwb"], "known@example.org")
    fresh = submit(client, mentee_form, institutions["uwb"], "fresh@example.org")
    assert again.status_code == fresh.status_code == first.status_code
    assert set(again.json()) == set(fresh.json())
