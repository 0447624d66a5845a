"""Every app's recurring tasks exist once after migrate, with valid cron expressions and
importable task functions."""

import pytest
from croniter import croniter
from django.utils.module_loading import import_string
from django_q.models import Schedule

EXPECTED = {
    "careersteps-applications-purge-drafts",
    "careersteps-portal-purge-sign-in",
    "careersteps-review-reminders",
    "careersteps-coordinator-digest",
}


@pytest.mark.django_db
def test_migrate_created_each_schedule_once():
    names = list(Schedule.objects.values_list("name", flat=True))
    assert set(names) >= EXPECTED
    assert len(names) == len(set(names))
    for schedule in Schedule.objects.filter(name__in=EXPECTED):
        assert croniter.is_valid(schedule.cron)
        assert callable(import_string(schedule.func))
