"""The portal's own listings (my applications, agreements, matches, surveys) and the API's
listings (pages, institutions): query counts that do not grow with the rows (issue 12)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import InstitutionFactory, PersonFactory, make_cohort
from tests.performance.conftest import assert_flat, queries_of
from tests.programme_life.conftest import make_tandem, portal_client
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition
from workflows.lifecycles.application import APPLICATION

pytestmark = pytest.mark.django_db


def applications_of(rows, person, count: int) -> None:
    """Applications of one person in several cohorts, each with a history of a few steps."""
    for number in range(count):
        cohort = make_cohort(title=f"Portal cohort {person.pk}-{rows.made}-{number}", capacity=50)
        application = rows.application(cohort, state="in_review")
        application.person = person
        application.save(update_fields=["person"])
        if number % 2:
            apply_transition(
                APPLICATION,
                application,
                "request_changes",
                Actor(user=rows.coordinator),
                comment="Please add your CV.",
            )


def test_my_applications_does_not_grow_with_applications_and_history(client, rows):
    person = PersonFactory(full_name="Portal Person")
    applications_of(rows, person, 2)
    client = portal_client(client, person)
    assert_flat(
        lambda: queries_of(client, reverse("portal:dashboard")),
        lambda: applications_of(rows, person, 4),
    )


def test_my_agreements_matches_and_surveys_do_not_grow(client, global_coordinator):
    from tests.agreements.conftest import make_template
    from workflows.agreements import services
    from workflows.agreements.services import settings_for

    mentee = PersonFactory(full_name="Tandem Mentee", preferred_language="de")
    client = portal_client(client, mentee)
    actor = Actor(user=global_coordinator)
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("cs", "de", "en")
    }
    template = make_template(locales)

    def tandems(count: int) -> None:
        for _ in range(count):
            tandem = make_tandem(mentee=mentee)
            settings = settings_for(tandem.cohort)
            settings.template = template
            settings.save()
            services.issue(services.create_draft(tandem, actor), actor)

    tandems(2)
    urls = {
        "agreements": reverse("agreements:list"),
        "matches": reverse("matching:list"),
        "surveys": reverse("evaluation:mine"),
    }
    assert_flat(
        {name: lambda url=url: queries_of(client, url) for name, url in urls.items()},
        lambda: tandems(4),
    )


def test_the_api_institution_listing_does_not_grow(client):
    def institutions(count: int) -> None:
        for _ in range(count):
            InstitutionFactory()

    institutions(3)
    assert_flat(
        lambda: queries_of(client, "/api/v3/institutions/", {"limit": 100}),
        lambda: institutions(9),
    )
