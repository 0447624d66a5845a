"""A cohort a year ago, in English, Czech and German, with its mentee and mentor forms."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from tests.applications.conftest import (  # noqa: F401  (fixtures)
    disciplines,
    institutions,
    make_form_page,
    privacy_notice,
)
from tests.applications.test_translation import translate
from tests.factories import UserFactory, make_cohort
from workflows.access.groups import COORDINATORS, EDITORS, REVIEWERS


@pytest.fixture
def old_cohort(institutions, disciplines, privacy_notice):  # noqa: F811
    """Last year's cohort: its window a year before one that is open now."""
    now = timezone.now()
    return make_cohort(
        title="Cohort 2025/26",
        application_opens_at=now - timedelta(days=375),
        application_closes_at=now - timedelta(days=345),
        programme_starts_on=date(2025, 11, 1),
        programme_ends_on=date(2026, 7, 31),
        capacity=12,
        mentee_institutions=[institutions["oth"]],
        mentor_institutions=[institutions["uwb"]],
    )


@pytest.fixture
def translated_cohort(old_cohort, locales, django_capture_on_commit_callbacks):
    """The old cohort and both forms translated into Czech and German ("[cs] ..." wording)."""
    targets = {"cs": locales["cs"], "de": locales["de"]}
    translate(old_cohort, targets, django_capture_on_commit_callbacks)
    for role in ("mentee", "mentor"):
        translate(make_form_page(old_cohort, role), targets, django_capture_on_commit_callbacks)
    return old_cohort


@pytest.fixture
def coordinator(db):
    return UserFactory(username="coordinator", groups=[COORDINATORS])


@pytest.fixture
def reviewer(db):
    return UserFactory(username="reviewer", groups=[REVIEWERS])


@pytest.fixture
def editing_coordinator(db):
    """A coordinator who is also an editor, so may publish the copy right away."""
    return UserFactory(username="editing-coordinator", groups=[COORDINATORS, EDITORS])
