"""The applications listing (with filters, search and both coordinator scopes), its inspect
page, the CSV and XLSX exports and the bulk action pages: query counts that do not grow with
the rows (issue 12)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.performance.conftest import assert_flat, client_for, queries_of

pytestmark = pytest.mark.django_db

INDEX = "application_admin:index"
FEW, MORE = 3, 6


def filters(cohort, institutions) -> list[dict]:
    return [
        {},
        {"cohort": str(cohort.translation_key), "role": "mentee"},
        {"state": ["in_review", "accepted"], "language": "en"},
        {"institution": str(institutions["oth"].translation_key), "discipline": "informatics"},
        {"queue": "needs_reviewers"},
        {"q": "Applicant"},
        {"ordering": "-state"},
    ]


def mixed(rows, cohort, other_cohort, reviewer, count: int) -> None:
    """Rows in every state a listing shows, in two cohorts, with reviews and histories."""
    for _ in range(count):
        rows.application(cohort, state="submitted")
        rows.application(cohort, state="in_review", reviewers=[reviewer])
        rows.application(cohort, state="accepted", reviewed=[reviewer])
        rows.application(cohort, role="mentor", state="in_review", reviewed=[reviewer])
        rows.application(other_cohort, state="in_review", reviewers=[reviewer])


@pytest.mark.parametrize("scope", ["global_coordinator", "cohort_coordinator"])
def test_the_applications_listing_does_not_grow_with_its_rows(
    request, rows, cohort, other_cohort, reviewer, institutions, scope
):
    client = client_for(request.getfixturevalue(scope))
    mixed(rows, cohort, other_cohort, reviewer, 1)
    fetches = {
        f"{url} {params}": lambda url=url, params=params: queries_of(client, url, params)
        for params in filters(cohort, institutions)
        for url in (reverse(INDEX), reverse("application_admin:index_results"))
    }
    assert_flat(fetches, lambda: mixed(rows, cohort, other_cohort, reviewer, 2))


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_exports_do_not_grow_with_their_rows(
    rows, cohort, other_cohort, reviewer, global_coordinator, export
):
    client = client_for(global_coordinator)
    mixed(rows, cohort, other_cohort, reviewer, 1)
    assert_flat(
        lambda: queries_of(client, reverse(INDEX), {"export": export}),
        lambda: mixed(rows, cohort, other_cohort, reviewer, 2),
    )


def test_the_inspect_page_does_not_grow_with_history_or_reviews(
    rows, cohort, reviewer, global_coordinator
):
    from tests.factories import UserFactory
    from workflows.roles import REVIEWERS

    client = client_for(global_coordinator)
    application = rows.application(cohort, state="in_review", reviewed=[reviewer])
    url = reverse("application_admin:inspect", args=[application.pk])

    def grow():
        from workflows.engine.actors import Actor
        from workflows.engine.engine import apply_transition
        from workflows.lifecycles.application import APPLICATION

        for _ in range(3):
            rows.assign(application, UserFactory(groups=[REVIEWERS]), submitted=True)
        actor = Actor(user=global_coordinator)
        for name in ("waitlist", "accept"):
            application.refresh_from_db()
            apply_transition(APPLICATION, application, name, actor, comment="Noted.")

    assert_flat(lambda: queries_of(client, url), grow)


def bulk_url(action: str, applications) -> str:
    url = reverse("wagtail_bulk_action", args=("applications", "application", action))
    ids = "&".join(f"id={a.pk}" for a in applications)
    return f"{url}?{ids}&next={reverse(INDEX)}"


@pytest.mark.parametrize("action", ["auto_assign", "decide"])
def test_the_bulk_action_pages_do_not_grow_with_the_selection(
    rows, cohort, reviewer, global_coordinator, action
):
    client = client_for(global_coordinator)
    chosen = rows.many(FEW, cohort, state="in_review", reviewed=[reviewer])

    def grow():
        chosen.extend(rows.many(MORE, cohort, state="in_review", reviewed=[reviewer]))

    assert_flat(lambda: queries_of(client, bulk_url(action, chosen)), grow)
