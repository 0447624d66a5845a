"""The staff console: the intake dashboard, the programme year (page and XLSX), failed tasks
and emails, the cohort roles listing and the workflow pages: query counts that do not grow
with the rows (issue 12)."""

from __future__ import annotations

import uuid

import pytest
from django.utils import timezone

from tests.factories import UserFactory, make_cohort
from tests.performance.conftest import assert_flat, client_for, queries_of
from tests.programme_life.conftest import make_tandem
from workflows.access.models import CohortRole
from workflows.roles import COORDINATORS, REVIEWERS

pytestmark = pytest.mark.django_db


def intake_rows(rows, cohort, other_cohort, reviewer, count: int) -> None:
    for _ in range(count):
        rows.application(cohort, state="submitted")
        rows.application(cohort, state="in_review", reviewers=[reviewer])
        rows.application(cohort, state="in_review", reviewed=[reviewer])
        rows.application(cohort, role="mentor", state="accepted", reviewed=[reviewer])
        rows.application(other_cohort, state="in_review", reviewers=[reviewer])


@pytest.mark.parametrize("scope", ["global_coordinator", "cohort_coordinator"])
def test_the_intake_dashboard_and_admin_home_do_not_grow(
    request, rows, cohort, other_cohort, reviewer, scope
):
    client = client_for(request.getfixturevalue(scope))
    intake_rows(rows, cohort, other_cohort, reviewer, 1)

    def grow():
        intake_rows(rows, cohort, other_cohort, reviewer, 2)
        make_cohort(title="Cohort S", capacity=5)  # one more cohort on the dashboard

    assert_flat(
        {url: lambda url=url: queries_of(client, url) for url in ("/admin/intake/", "/admin/")},
        grow,
    )


def year_cohort():
    today = timezone.localdate()
    return make_cohort(
        title="Year cohort",
        open_now=False,
        programme_starts_on=today - timezone.timedelta(days=90),
        programme_ends_on=today + timezone.timedelta(days=120),
    )


def tandems_with_meetings(cohort, count: int) -> None:
    from workflows.programme_life.models import Meeting

    for _ in range(count):
        tandem = make_tandem(cohort)
        for days_ago in (70, 40, 10):
            Meeting.objects.create(
                match=tandem,
                starts_at=timezone.now() - timezone.timedelta(days=days_ago),
                **meeting_fields(tandem),
            )


def meeting_fields(tandem) -> dict:
    """A meeting held online, written by the mentee."""
    from workflows.programme_life.models import Meeting

    return {
        "author": tandem.mentee_application.person,
        "mode": Meeting.Mode.ONLINE,
        "state": "held",
    }


@pytest.mark.parametrize("scope", ["global_coordinator", "year_coordinator"])
def test_the_programme_year_and_its_workbook_do_not_grow_with_tandems(request, scope):
    cohort = year_cohort()
    if scope == "year_coordinator":
        user = UserFactory(username="year-coordinator", groups=[COORDINATORS])
        CohortRole.objects.create(user=user, role="coordinator", cohort=cohort)
    else:
        user = request.getfixturevalue("global_coordinator")
    client = client_for(user)
    tandems_with_meetings(cohort, 2)
    assert_flat(
        {
            "page": lambda: queries_of(client, "/admin/year/"),
            "xlsx": lambda: queries_of(client, "/admin/year/", {"format": "xlsx"}),
        },
        lambda: tandems_with_meetings(cohort, 4),
    )


def failures(rows, cohort, count: int) -> None:
    """Failed emails about applications of ``cohort`` and failed django-q2 tasks."""
    from django_q.models import Failure

    from tests.trust.test_failed_work_scope import failed_email_about

    for _ in range(count):
        failed_email_about(rows.application(cohort, state="submitted"))
        Failure.objects.create(
            id=uuid.uuid4().hex,
            name=uuid.uuid4().hex[:20],
            func="workflows.notifications.tasks.send_email",
            args=(1,),
            started=timezone.now(),
            stopped=timezone.now(),
            success=False,
            result="SMTP down",
            attempt_count=5,
        )


@pytest.mark.parametrize(
    "scope",
    [
        "global_coordinator",
        "cohort_coordinator",
    ],
)
def test_the_failed_work_page_does_not_grow(request, rows, cohort, scope):
    client = client_for(request.getfixturevalue(scope))
    failures(rows, cohort, 2)
    assert_flat(
        lambda: queries_of(client, "/admin/workflows/failures/"),
        lambda: failures(rows, cohort, 6),
    )


def test_the_cohort_roles_listing_does_not_grow(global_coordinator, cohort):
    client = client_for(global_coordinator)

    def roles(count: int) -> None:
        for _ in range(count):
            CohortRole.objects.create(
                user=UserFactory(groups=[REVIEWERS]),
                role=CohortRole.Role.REVIEWER,
                cohort=make_cohort(title="Role cohort"),
            )

    roles(2)
    assert_flat(
        lambda: queries_of(client, "/admin/cohort_roles/"),
        lambda: roles(6),
    )


def test_the_workflow_pages_do_not_grow_with_applications(rows, cohort, global_coordinator):
    client = client_for(global_coordinator)
    rows.many(2, cohort, state="in_review")
    assert_flat(
        {
            url: lambda url=url: queries_of(client, url)
            for url in ("/admin/workflows/", "/admin/workflows/application/")
        },
        lambda: rows.many(6, cohort, state="accepted"),
    )
