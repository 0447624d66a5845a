"""factory_boy factories shared by the test modules."""

import uuid
from datetime import date, timedelta

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale

from applications.models import Application, Person
from cohorts.models import CohortIndexPage, CohortPage
from home.models import HomePage
from institutions.models import Institution


def english() -> Locale:
    return Locale.objects.get(language_code="en")


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"University {n}")
    short_name = factory.Sequence(lambda n: f"U{n}")
    city = "Plzeň"
    country = Institution.Country.CZECHIA
    locale = factory.LazyFunction(english)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User {n}")
    password = factory.django.Password("password")

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or ():
            group, _ = Group.objects.get_or_create(name=name)
            self.groups.add(group)


def cohort_index(home: HomePage | None = None) -> CohortIndexPage:
    home = home or HomePage.objects.get(depth=2, locale__language_code="en")
    existing = CohortIndexPage.objects.child_of(home).first()
    if existing:
        return existing
    index = CohortIndexPage(title="Cohorts", slug="cohorts")
    home.add_child(instance=index)
    return index


def make_cohort(*, title: str = "Cohort 2026/27", open_now: bool = True, **fields) -> CohortPage:
    """A published cohort under the English cohort index; open for applications by default."""
    now = timezone.now()
    mentee_institutions = fields.pop("mentee_institutions", None)
    mentor_institutions = fields.pop("mentor_institutions", None)
    defaults = {
        "application_opens_at": now - timedelta(days=10) if open_now else now + timedelta(days=10),
        "application_closes_at": now + timedelta(days=20) if open_now else now + timedelta(days=40),
        "programme_starts_on": date(now.year + 1, 11, 1),
        "programme_ends_on": date(now.year + 2, 7, 31),
        "capacity": 10,
    }
    defaults.update(fields)
    cohort = CohortPage(title=title, slug=f"{slugify(title)}-{uuid.uuid4().hex[:6]}", **defaults)
    cohort_index().add_child(instance=cohort)
    if mentee_institutions is not None:
        cohort.mentee_institutions.set(mentee_institutions)
    if mentor_institutions is not None:
        cohort.mentor_institutions.set(mentor_institutions)
    cohort.save_revision().publish()
    return cohort


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Sequence(lambda n: f"Person {n}")
    preferred_language = "en"


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    person = factory.SubFactory(PersonFactory)
    cohort = factory.LazyFunction(make_cohort)
    role = Application.Role.MENTEE
    language = "en"
