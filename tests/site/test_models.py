"""Model rules: a cohort's application window by aware datetimes (at the exact boundaries),
and the validation errors editors see at the right field."""

import datetime as dt
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cohorts.models import CohortPage
from events.models import EventPage

pytestmark = pytest.mark.django_db

PRAGUE = zoneinfo.ZoneInfo("Europe/Prague")
OPENS = dt.datetime(2026, 9, 1, 9, 0, tzinfo=PRAGUE)
CLOSES = dt.datetime(2026, 10, 15, 23, 59, tzinfo=PRAGUE)


def cohort(**fields) -> CohortPage:
    values = {
        "title": "Cohort 2026/27",
        "slug": "cohort-2026-27",
        "application_opens_at": OPENS,
        "application_closes_at": CLOSES,
        "programme_starts_on": dt.date(2026, 11, 1),
        "programme_ends_on": dt.date(2027, 7, 31),
        "capacity": 10,
    }
    values.update(fields)
    return CohortPage(**values)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (OPENS - dt.timedelta(microseconds=1), CohortPage.ApplicationStatus.UPCOMING),
        (OPENS, CohortPage.ApplicationStatus.OPEN),
        (CLOSES - dt.timedelta(microseconds=1), CohortPage.ApplicationStatus.OPEN),
        (CLOSES, CohortPage.ApplicationStatus.CLOSED),
        # The same instant written in another zone: 07:00 UTC is 09:00 in Prague (CEST).
        (dt.datetime(2026, 9, 1, 7, 0, tzinfo=dt.UTC), CohortPage.ApplicationStatus.OPEN),
        (dt.datetime(2026, 9, 1, 6, 59, 59, tzinfo=dt.UTC), CohortPage.ApplicationStatus.UPCOMING),
        # 23:59 in Prague on 15 October is 21:59 UTC: closed from then on, not at UTC midnight.
        (dt.datetime(2026, 10, 15, 21, 59, tzinfo=dt.UTC), CohortPage.ApplicationStatus.CLOSED),
    ],
)
def test_application_status_at_the_boundaries(now, expected):
    page = cohort()
    assert page.application_status(now) == expected
    assert page.is_open_for_applications(now) is (expected == CohortPage.ApplicationStatus.OPEN)


def errors_of(page) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as raised:
        page.clean()
    return raised.value.message_dict


def test_cohort_closing_before_opening_is_an_error_at_closing():
    with translation.override("de"):
        errors = errors_of(cohort(application_closes_at=OPENS - dt.timedelta(hours=1)))
    assert errors == {
        "application_closes_at": ["Der Bewerbungsschluss muss nach dem Bewerbungsbeginn liegen."]
    }


def test_cohort_ending_before_starting_is_an_error_at_the_end_date():
    errors = errors_of(cohort(programme_ends_on=dt.date(2026, 10, 1)))
    assert errors == {"programme_ends_on": ["The programme must end after it starts."]}


def test_both_cohort_errors_are_reported_together():
    errors = errors_of(cohort(application_closes_at=OPENS, programme_ends_on=dt.date(2026, 11, 1)))
    assert set(errors) == {"application_closes_at", "programme_ends_on"}


def test_event_ending_before_it_starts_is_an_error_at_the_end():
    start = dt.datetime(2026, 12, 3, 14, 0, tzinfo=PRAGUE)
    event = EventPage(
        title="Workshop",
        slug="workshop",
        event_type=EventPage.EventType.WORKSHOP,
        starts_at=start,
        ends_at=start,
    )
    with translation.override("cs"):
        errors = errors_of(event)
    assert errors == {"ends_at": ["Akce musí skončit až po svém začátku."]}


def test_valid_pages_pass_clean():
    cohort().clean()
    start = dt.datetime(2026, 12, 3, 14, 0, tzinfo=PRAGUE)
    EventPage(
        title="Workshop",
        slug="workshop",
        event_type=EventPage.EventType.WORKSHOP,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
    ).clean()


@pytest.mark.django_db
def test_admin_form_shows_the_error_at_the_field_and_keeps_the_input(admin_user):
    """What an editor sees: the page editor's form puts the message on "applications close at"
    and everything else typed stays in the form."""
    from django.utils import timezone

    from tests.factories import cohort_index

    index = cohort_index()
    form_class = CohortPage.get_edit_handler().bind_to_model(CohortPage).get_form_class()
    data = {
        "title": "Cohort 2027/28",
        "slug": "cohort-2027-28",
        "introduction": "The third intake.",
        "application_opens_at": "2027-09-01 09:00",
        "application_closes_at": "2027-08-01 09:00",
        "programme_starts_on": "2027-11-01",
        "programme_ends_on": "2028-07-31",
        "capacity": "10",
        "body-count": "0",
    }
    with translation.override("de"), timezone.override("Europe/Prague"):
        form = form_class(data, instance=CohortPage(), parent_page=index, for_user=admin_user)
        assert not form.is_valid()
        assert form.errors["application_closes_at"] == [
            "Der Bewerbungsschluss muss nach dem Bewerbungsbeginn liegen."
        ]
        assert "application_opens_at" not in form.errors
        assert form["introduction"].value() == "The third intake."
        assert form["application_closes_at"].value() == "2027-08-01 09:00"
