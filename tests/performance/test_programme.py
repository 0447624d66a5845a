"""Matching, agreements, programme life and evaluation screens for coordinators: query counts
that do not grow with the rows (issue 12)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.agreements.conftest import make_template
from tests.factories import PersonFactory, make_cohort
from tests.matching.conftest import accepted
from tests.performance.conftest import assert_flat, client_for, queries_of
from tests.programme_life.conftest import make_event, make_tandem
from workflows.access.models import CohortRole
from workflows.engine.actors import Actor

pytestmark = pytest.mark.django_db


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    for code in ("cs", "de"):
        Locale.objects.get_or_create(language_code=code)
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def programme_cohort(db):
    today = timezone.localdate()
    return make_cohort(
        title="Programme cohort",
        open_now=False,
        capacity=500,
        programme_starts_on=today - dt.timedelta(days=60),
        programme_ends_on=today + dt.timedelta(days=120),
    )


@pytest.fixture(params=["global_coordinator", "one_cohort_coordinator"])
def coordinator(request, programme_cohort):
    if request.param == "global_coordinator":
        return request.getfixturevalue("global_coordinator")
    user = request.getfixturevalue("cohort_coordinator")  # coordinates another cohort ...
    CohortRole.objects.create(user=user, role="coordinator", cohort=programme_cohort)  # ... too
    return user


# --- matching -----------------------------------------------------------------------------


def pool(cohort, institutions, count: int) -> None:
    """Accepted mentees (DE) and mentors (CZ) with profiles, languages and availability."""
    start = PersonFactory._meta.model.objects.count()
    for number in range(start, start + count):
        accepted(cohort, "mentee", f"Mentee {number}", institution=institutions["oth"])
        accepted(cohort, "mentor", f"Mentor {number}", institution=institutions["zcu"], capacity=1)


def run(cohort) -> None:
    from workflows.matching.runs import execute_run, start_run

    execute_run(start_run(cohort).pk)


def test_the_matching_screens_do_not_grow_with_people_and_proposals(
    coordinator, programme_cohort, institutions
):
    client = client_for(coordinator)
    pool(programme_cohort, institutions, 2)
    run(programme_cohort)
    screen = reverse("matching_admin:screen", args=[programme_cohort.pk])

    def grow():
        pool(programme_cohort, institutions, 5)
        run(programme_cohort)

    assert_flat(
        {
            "index": lambda: queries_of(client, reverse("matching_admin:index")),
            "screen": lambda: queries_of(client, screen),
        },
        grow,
    )


# --- agreements ---------------------------------------------------------------------------


def agreements(cohort, count: int, actor: Actor) -> None:
    """Confirmed tandems: one without an agreement, the others with a draft or an issued one."""
    from workflows.agreements import services

    for number in range(count):
        match = make_tandem(cohort, state="matched")
        if number % 3 == 0:
            continue
        agreement = services.create_draft(match, actor)
        if number % 3 == 2:
            services.issue(agreement, actor)


def test_the_agreements_listing_does_not_grow(
    coordinator, global_coordinator, programme_cohort, locales
):
    from workflows.agreements.services import settings_for

    settings = settings_for(programme_cohort)
    settings.template = make_template(locales)
    settings.save()
    client = client_for(coordinator)
    actor = Actor(user=global_coordinator)
    agreements(programme_cohort, 3, actor)
    assert_flat(
        lambda: queries_of(client, reverse("agreements_admin:index")),
        lambda: agreements(programme_cohort, 6, actor),
    )


# --- programme life -----------------------------------------------------------------------


def registrations(event, count: int) -> None:
    from workflows.programme_life.models import EventRegistration, EventSignup

    signup, _created = EventSignup.objects.get_or_create(event=event, defaults={"capacity": 3})
    for number in range(count):
        EventRegistration.objects.create(
            signup=signup,
            person=PersonFactory(),
            state="registered" if number % 2 else "waitlisted",
            attended=bool(number % 3),
        )


def test_the_event_registration_screens_do_not_grow(coordinator, locales):
    client = client_for(coordinator)
    event = make_event(title="Workshop")
    registrations(event, 2)

    def grow():
        registrations(event, 6)
        for days in (20, 30, 40):
            registrations(make_event(days_ahead=days, title=f"Event {days}"), 3)

    assert_flat(
        {
            "index": lambda: queries_of(client, reverse("programme_life_admin:events")),
            "event": lambda: queries_of(
                client, reverse("programme_life_admin:event", args=[event.pk])
            ),
        },
        grow,
    )


def meetings(tandem, count: int) -> None:
    from workflows.programme_life.models import Meeting

    people = [tandem.mentee_application.person, tandem.mentor_application.person]
    for number in range(count):
        Meeting.objects.create(
            match=tandem,
            author=people[number % 2],
            starts_at=timezone.now() + dt.timedelta(days=number - 10),
            mode=Meeting.Mode.ONLINE,
            visibility="shared" if number % 3 else "private",
            notes="Talked about the thesis.",
        )


def test_the_tandem_pages_do_not_grow_with_meetings_and_tandems(programme_cohort, locales):
    from tests.programme_life.conftest import portal_client

    tandem = make_tandem(programme_cohort)
    meetings(tandem, 2)
    mentee = tandem.mentee_application.person
    make_tandem(mentee=mentee)  # two tandems: the list is shown, not a redirect to the one
    client = portal_client(client_for_portal(), mentee)

    def grow():
        meetings(tandem, 8)
        for _ in range(2):  # the mentee in further tandems (other cohorts)
            make_tandem(mentee=mentee)
        for days in (20, 30):
            make_event(days_ahead=days, title=f"Event {days}")

    urls = {
        "tandems": reverse("programme_life:tandems"),
        "tandem": reverse("programme_life:tandem", args=[tandem.pk]),
        "events": reverse("programme_life:events"),
        "calendar": reverse("programme_life:calendar"),
    }
    assert_flat({name: lambda url=url: queries_of(client, url) for name, url in urls.items()}, grow)


def client_for_portal():
    from django.test import Client

    return Client()


# --- evaluation ---------------------------------------------------------------------------


def evaluated_cohort(tandem_count: int, title: str):
    """A finished cohort whose end survey was sent to its mentees and answered by all, with
    meetings logged by every tandem."""
    from tests.evaluation.conftest import make_cohort_with_tandems, make_survey
    from workflows.evaluation import services
    from workflows.evaluation.models import SurveyInvitation, SurveyRound

    cohort, tandems = make_cohort_with_tandems(tandem_count, title=title)
    for tandem in tandems:
        meetings(tandem, 2)
    survey_round = SurveyRound.objects.create(
        cohort=cohort,
        survey=make_survey(),
        moment=SurveyRound.Moment.END,
        audience=SurveyRound.Audience.MENTEES,
        send_on=timezone.localdate(),
    )
    services.send_round(survey_round, email=False)
    for invitation in SurveyInvitation.objects.filter(round=survey_round):
        services.submit_answers(
            invitation, {"satisfaction": 4, "recommend": 9, "goals": [5, 3, 4]}, "en"
        )
    return cohort


def test_the_evaluation_report_does_not_grow_with_tandems_and_answers(global_coordinator):
    """Two cohorts of different sizes (the report of one cohort, not a listing that grows in
    place): the larger one's report makes no more queries than the smaller one's."""
    client = client_for(global_coordinator)

    def report(cohort) -> list[str]:
        url = reverse("evaluation_admin:report", args=[cohort.pk])
        queries_of(client, url)  # warm-up
        return queries_of(client, url)

    small = report(evaluated_cohort(6, "Small"))
    index = queries_of(client, reverse("evaluation_admin:index"))
    large = report(evaluated_cohort(18, "Large"))
    assert len(large) <= len(small), f"{len(small)} then {len(large)}:\n" + "\n".join(
        q[:200] for q in large
    )
    more = queries_of(client, reverse("evaluation_admin:index"))
    assert len(more) == len(index), "\n".join(q[:200] for q in more)
