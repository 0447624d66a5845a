"""Retention per cohort: who is due, the dry-run report (ids only), the nightly task."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule

from applications.models import Application
from tests.factories import ApplicationFactory, PersonFactory, make_cohort
from workflows.privacy.models import ErasureRecord, RetentionPolicy
from workflows.privacy.retention import add_months, due_people
from workflows.privacy.tasks import apply_retention


@pytest.fixture
def people(db):
    today = timezone.localdate()
    ended = make_cohort(
        title="Cohort Ended",
        open_now=False,
        programme_starts_on=today - dt.timedelta(days=1200),
        programme_ends_on=today - dt.timedelta(days=900),
    )
    running = make_cohort(
        title="Cohort Running",
        programme_starts_on=today - dt.timedelta(days=30),
        programme_ends_on=today + dt.timedelta(days=200),
    )
    rejected_long_ago = ApplicationFactory(
        cohort=running,
        state="rejected",
        person=PersonFactory(full_name="Rita Rejected", email="rita@example.org"),
    )
    Application.objects.filter(pk=rejected_long_ago.pk).update(
        state_changed_at=timezone.now() - dt.timedelta(days=200)
    )
    rejected_lately = ApplicationFactory(cohort=running, state="rejected")
    alumna = ApplicationFactory(
        cohort=ended,
        state="completed",
        person=PersonFactory(full_name="Alma Alumna", email="alma@example.org"),
    )
    returning = ApplicationFactory(cohort=ended, state="completed")
    ApplicationFactory(cohort=running, state="accepted", person=returning.person, role="mentor")
    return {
        "running": running,
        "ended": ended,
        "rejected_long_ago": rejected_long_ago,
        "rejected_lately": rejected_lately,
        "alumna": alumna,
        "returning": returning,
    }


def test_due_are_the_long_rejected_and_the_alumni_of_an_ended_cohort(people):
    due = {d.person_id: d for d in due_people()}
    assert set(due) == {people["rejected_long_ago"].person_id, people["alumna"].person_id}
    assert "rejected + 6 months" in due[people["rejected_long_ago"].person_id].reason
    assert "programme ended + 24 months" in due[people["alumna"].person_id].reason


def test_a_cohort_policy_changes_the_periods(people):
    RetentionPolicy.objects.create(cohort=people["running"], declined_months=12)
    RetentionPolicy.objects.create(cohort=people["ended"], participant_months=36)
    assert due_people() == []


def test_the_dry_run_names_nobody_and_erases_nothing(people):
    out = io.StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    report = out.getvalue()
    assert f"person {people['alumna'].person_id}\t" in report
    assert "would erase" in report and "2 due (dry run" in report
    assert "Alma" not in report and "alma@" not in report and "Rita" not in report
    assert not ErasureRecord.objects.exists()


def test_the_nightly_task_erases_the_due_only_where_the_policy_allows(people):
    RetentionPolicy.objects.create(cohort=people["ended"], enabled=False)
    assert apply_retention() == "due 2, erased 1"
    erased = set(ErasureRecord.objects.values_list("person_id_ref", flat=True))
    assert erased == {people["rejected_long_ago"].person_id}
    people["rejected_long_ago"].person.refresh_from_db()
    assert people["rejected_long_ago"].person.email.endswith("@erased.invalid")
    assert apply_retention() == "due 1, erased 0"  # the erased are not due again


def test_the_schedule_calls_the_task_with_no_arguments(db):
    schedule = Schedule.objects.get(name="privacy-retention")
    assert schedule.func == "workflows.privacy.tasks.apply_retention"
    assert not schedule.args and not schedule.kwargs


def test_months_are_added_by_the_calendar():
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 1, 15), 24) == dt.date(2028, 1, 15)


def test_the_admin_report_shows_a_coordinator_only_their_cohorts(people, client):
    from django.urls import reverse

    from tests.factories import UserFactory
    from workflows.access.models import CohortRole
    from workflows.roles import COORDINATORS

    one = UserFactory(groups=[COORDINATORS])
    CohortRole.objects.create(user=one, role="coordinator", cohort=people["running"])
    client.force_login(one)
    page = client.get(reverse("privacy_admin:retention")).content.decode()
    assert f"#{people['rejected_long_ago'].person_id}<" in page
    assert f"#{people['alumna'].person_id}<" not in page
    assert "Rita" not in page


def test_the_erase_person_command_previews_then_erases(people):
    person_id = people["alumna"].person_id
    out = io.StringIO()
    call_command("erase_person", str(person_id), "--dry-run", stdout=out)
    assert "applications.Application: anonymise 1" in out.getvalue()
    assert not ErasureRecord.objects.exists()
    call_command("erase_person", str(person_id), stdout=out)
    assert ErasureRecord.objects.get().person_id_ref == person_id
    assert "Alma" not in out.getvalue()
