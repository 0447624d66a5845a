"""Eligibility rules as a matrix: each refuses with its own translated reason."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from applications.eligibility import (
    check_eligibility,
    institution_is_eligible,
    not_already_applied,
    window_is_open,
)
from tests.factories import ApplicationFactory, PersonFactory, make_cohort


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("offset", "allowed", "fragment"),
    [
        (timedelta(days=-11), False, "open on"),  # before opening
        (timedelta(days=0), True, ""),
        (timedelta(days=30), False, "closed on"),  # after closing
    ],
)
def test_window(offset, allowed, fragment):
    cohort = make_cohort()
    with translation.override("en"):
        decision = window_is_open(cohort, timezone.now() + offset)
    assert decision[0] is allowed
    assert fragment in decision[1]


@pytest.mark.django_db
def test_window_closes_at_the_exact_moment():
    cohort = make_cohort()
    assert window_is_open(cohort, cohort.application_closes_at - timedelta(seconds=1))[0]
    assert not window_is_open(cohort, cohort.application_closes_at)[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "institution", "allowed"),
    [
        ("mentee", "uwb", True),
        ("mentee", "oth", False),  # OTH is a mentor institution only in this cohort
        ("mentee", "elsewhere", False),
        ("mentor", "oth", True),
        ("mentor", "uwb", False),
        ("mentor", "elsewhere", False),
        ("mentee", None, False),
    ],
)
def test_institution_by_role(institutions, role, institution, allowed):
    cohort = make_cohort(
        mentee_institutions=[institutions["uwb"]], mentor_institutions=[institutions["oth"]]
    )
    chosen = institutions[institution] if institution else None
    decision, reason = institution_is_eligible(cohort, role, chosen)
    assert decision is allowed
    if not allowed:
        expected = "University of West Bohemia" if role == "mentee" else "OTH Amberg-Weiden"
        assert expected in reason


@pytest.mark.django_db
def test_institution_compares_translations_by_translation_key(institutions, locales):
    cohort = make_cohort(mentee_institutions=[institutions["uwb"]], mentor_institutions=[])
    czech_copy = institutions["uwb"].copy_for_translation(locales["cs"])
    czech_copy.name = "Západočeská univerzita v Plzni"
    czech_copy.save()
    assert institution_is_eligible(cohort, "mentee", czech_copy) == (True, "")


@pytest.mark.django_db
def test_one_application_per_person_role_and_cohort():
    cohort = make_cohort()
    person = PersonFactory(email="jana@example.cz")
    ApplicationFactory(person=person, cohort=cohort, role="mentee")
    assert not_already_applied(cohort, "mentee", " JANA@example.cz")[0] is False
    assert not_already_applied(cohort, "mentor", "jana@example.cz") == (True, "")
    assert not_already_applied(make_cohort(), "mentee", "jana@example.cz") == (True, "")


@pytest.mark.django_db
def test_reasons_are_translated(institutions):
    cohort = make_cohort(open_now=False, mentee_institutions=[institutions["uwb"]])
    with translation.override("de"):
        refusals = check_eligibility(
            cohort, "mentee", institution=institutions["elsewhere"], email="a@example.org"
        )
    assert set(refusals) == {"__all__", "institution"}
    assert "Bewerbungen" in refusals["__all__"]
    assert "Mentees" in refusals["institution"]
