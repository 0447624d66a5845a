"""The pieces of the demo: loader discovery, dates relative to today, strict translations."""

import datetime
import io
import zoneinfo

import pytest
from django.utils import timezone

from demo.content.cohorts import academic_year, open_cohort, programme_dates
from demo.context import LoadContext
from demo.loaders import discover
from demo.loaders.cohorts import application_window
from demo.localize import MissingDemoTranslation, translate
from demo.text import Glossary, T, date_text
from programme.models import ProgrammePage


def test_loaders_run_in_order():
    assert [loader.__name__.rsplit(".", 1)[-1] for loader in discover()] == [
        "institutions",
        "footer",
        "site",
        "news",
        "events",
        "cohorts",
        "forms",
        "users",
        "pilot_replay",
        "review_queue",
        "matches",
        "agreements",
        "programme_year",
        "evaluation",
    ]


@pytest.mark.parametrize(
    ("last_day", "starts", "ends", "year"),
    [
        # Today's intake: applications until January, a shorter year from February.
        (
            datetime.date(2027, 1, 9),
            datetime.date(2027, 2, 1),
            datetime.date(2027, 7, 31),
            "2026/27",
        ),
        # An autumn call starts in November, like the pilot.
        (
            datetime.date(2027, 9, 30),
            datetime.date(2027, 11, 1),
            datetime.date(2028, 7, 31),
            "2027/28",
        ),
        # A spring call would leave no year: it waits for November.
        (
            datetime.date(2027, 4, 20),
            datetime.date(2027, 11, 1),
            datetime.date(2028, 7, 31),
            "2027/28",
        ),
    ],
)
def test_programme_dates_follow_the_window(last_day, starts, ends, year):
    assert programme_dates(last_day) == (starts, ends)
    assert academic_year(starts) == year


def test_dates_are_spelled_per_language():
    assert date_text(datetime.date(2027, 2, 1)) == T(
        "1 February 2027", "1. února 2027", "1. Februar 2027"
    )


def test_open_cohort_texts_carry_the_dates():
    spec = open_cohort(None, None, datetime.date(2026, 11, 15), datetime.date(2027, 1, 9))
    assert spec.title == T("Cohort 2026/27", "Ročník 2026/27", "Jahrgang 2026/27")
    assert "9. ledna 2027" in spec.texts["introduction"].cs
    assert "9. Januar 2027" in spec.texts["introduction"].de
    closes = spec.fields["application_closes_at"]
    assert closes == datetime.datetime(
        2027, 1, 9, 23, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Prague")
    )


@pytest.mark.django_db
def test_window_is_fresh_without_an_open_cohort():
    # Far enough ahead that any cohort the demo made today has closed.
    now = datetime.datetime(2031, 3, 1, 12, 0, tzinfo=datetime.UTC)
    context = LoadContext(stdout=io.StringIO(), now=now)
    assert application_window(context) == (datetime.date(2031, 2, 15), datetime.date(2031, 4, 11))


def test_window_is_kept_while_the_demo_cohort_is_open(demo):
    later = timezone.now() + datetime.timedelta(days=10)
    first = application_window(LoadContext(stdout=io.StringIO()))
    assert application_window(LoadContext(stdout=io.StringIO(), now=later)) == first
    # Once the window has closed, the next run opens a new one.
    after = timezone.now() + datetime.timedelta(days=60)
    assert application_window(LoadContext(stdout=io.StringIO(), now=after))[0] > first[0]


def test_a_string_without_czech_and_german_wording_is_an_error(demo):
    from demo.pages import find_page

    page = ProgrammePage(title="Untranslated", slug="untranslated")
    find_page("").add_child(instance=page)
    page.save_revision().publish()
    glossary = Glossary()
    glossary.add(T("Untranslated", "Nepřeloženo", "Nicht übersetzt"))
    with pytest.raises(MissingDemoTranslation, match="untranslated"):
        translate(page, glossary)


def test_a_demo_text_missing_from_the_page_is_an_error(demo):
    """Texts wagtail-localize does not extract would stay English: caught, not ignored."""
    from demo.pages import find_page

    page = find_page("about")
    glossary = Glossary()
    glossary.add(T("Not on the page", "Není na stránce", "Nicht auf der Seite"))
    with pytest.raises(MissingDemoTranslation, match="not extracted"):
        translate(page, glossary)


def test_glossary_refuses_two_translations_of_one_text():
    glossary = Glossary()
    glossary.add(T("Apply", "Přihlásit se", "Bewerben"))
    with pytest.raises(ValueError, match="Apply"):
        glossary.add(T("Apply", "Podat přihlášku", "Bewerben"))


def test_cohort_helpers_for_later_loaders(demo):
    from demo.loaders.cohorts import open_intake, pilot

    assert pilot().title == "Pilot cohort 2023/24"
    assert open_intake(LoadContext(stdout=io.StringIO())).is_open_for_applications()
