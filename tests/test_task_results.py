"""Task results: kept without django-q2's per-task pruning (``save_limit`` 0) and pruned by
age once a day instead; failures are never pruned (the console lists them for a retry)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone
from django_q.models import Schedule, Task

from workflows.schedules import prune_task_results


def _task(name: str, *, success: bool, age_days: int) -> Task:
    stopped = timezone.now() - timedelta(days=age_days)
    return Task.objects.create(
        id=name,
        name=name,
        func="workflows.notifications.tasks.send_outbound_email",
        args=(1,),
        started=stopped,
        stopped=stopped,
        success=success,
        result="sent" if success else "boom",
    )


def test_results_are_not_pruned_per_task():
    assert settings.Q_CLUSTER["save_limit"] == 0


@pytest.mark.django_db
def test_the_daily_schedule_exists():
    schedule = Schedule.objects.get(name="careersteps-prune-task-results")
    assert schedule.func == "workflows.schedules.prune_task_results"


@pytest.mark.django_db
def test_old_successes_go_failures_and_recent_ones_stay():
    _task("old-success", success=True, age_days=31)
    _task("new-success", success=True, age_days=29)
    _task("old-failure", success=False, age_days=90)
    assert prune_task_results() == "deleted 1"
    assert set(Task.objects.values_list("id", flat=True)) == {"new-success", "old-failure"}
