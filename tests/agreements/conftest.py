"""A confirmed Czech–German pair with profiles, a bilingual template and a coordinator."""

from __future__ import annotations

import pytest
from django.utils import timezone

from tests.factories import ApplicationFactory, InstitutionFactory, PersonFactory, UserFactory
from workflows.roles import COORDINATORS

CS_CLAUSES = [
    ("Smluvní strany", "Mentee {{ mentee_name }} a mentor {{ mentor_name }} uzavírají dohodu."),
    ("Cíle", "Cíle mentee: {{ mentee_goals }}"),
    ("Důvěrnost", "Obě strany zachovávají mlčenlivost o všem, co se dozví."),
]
DE_CLAUSES = [
    ("Vertragsparteien", "Mentee {{ mentee_name }} und Mentor {{ mentor_name }} vereinbaren."),
    ("Ziele", "Ziele des Mentees: {{ mentee_goals }}"),
    ("Vertraulichkeit", "Beide Seiten wahren Verschwiegenheit über alles, was sie erfahren."),
]


def _profile(application, institution, goals=""):
    from applications.models import ApplicantProfile

    return ApplicantProfile.objects.create(
        application=application,
        institution=institution,
        faculty="Faculty",
        programme_or_position="Programme",
        meeting_preference="mixed",
        goals=goals,
        privacy_notice_version="1",
        consented_at=timezone.now(),
    )


def make_template(locales):
    """A template in English with Czech and German translations (editors' work)."""
    from workflows.agreements.models import AgreementTemplate

    def stream(clauses):
        return [("clause", {"heading": h, "body": b}) for h, b in clauses]

    source = AgreementTemplate.objects.create(
        title="Mentoring agreement",
        clauses=stream(
            [
                ("Parties", "{{ mentee_name }} and {{ mentor_name }}."),
                ("Goals", "{{ mentee_goals }}"),
            ]
        ),
        locale=locales["en"],
    )
    for code, clauses in (("cs", CS_CLAUSES), ("de", DE_CLAUSES)):
        AgreementTemplate.objects.create(
            title="Dohoda" if code == "cs" else "Vereinbarung",
            clauses=stream(clauses),
            locale=locales[code],
            translation_key=source.translation_key,
        )
    return source


@pytest.fixture
def locales(db):
    from wagtail.models import Locale

    for code in ("cs", "de"):
        Locale.objects.get_or_create(language_code=code)
    return {locale.language_code: locale for locale in Locale.objects.all()}


def make_match(goals="Habilitation vorbereiten und ein Forschungsprojekt planen.", **people):
    from workflows.matching.lifecycle import CONFIRMED
    from workflows.matching.models import Match

    mentee_person = people.get("mentee") or PersonFactory(
        full_name="Jürgen Groß", preferred_language="de"
    )
    mentor_person = people.get("mentor") or PersonFactory(
        full_name="Řehoř Šťastný", preferred_language="cs"
    )
    mentee = ApplicationFactory(person=mentee_person, role="mentee", language="de")
    mentor = ApplicationFactory(
        person=mentor_person, role="mentor", language="cs", cohort=mentee.cohort
    )
    _profile(mentee, InstitutionFactory(name="OTH Amberg-Weiden"), goals)
    _profile(mentor, InstitutionFactory(name="Západočeská univerzita v Plzni"))
    return Match.objects.create(
        cohort=mentee.cohort,
        mentee_application=mentee,
        mentor_application=mentor,
        state=CONFIRMED,
    )


@pytest.fixture
def match(db, locales):
    match = make_match()
    from workflows.agreements.services import settings_for

    settings = settings_for(match.cohort)
    settings.template = make_template(locales)
    settings.save()
    return match


@pytest.fixture
def coordinator(db):
    return UserFactory(groups=[COORDINATORS], first_name="Eva", last_name="Nováková")


def portal_client(client, person):
    session = client.session
    session["portal_person_id"] = person.pk
    session.save()
    return client
