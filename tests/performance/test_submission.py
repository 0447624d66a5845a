"""An application submission's queries (issue 12): a valid POST with a PDF CV through the
form page, in English and through a Czech copy, stays under a fixed ceiling, and makes no more
queries when the site has many more institutions and disciplines (each translated) and the
applicant ticks more disciplines.

The ceiling is what a submission needs, every savepoint counted as a query (in a test each
transaction is a savepoint): the throttle (4), the cohort, the CV's upload row, the eligibility
and duplicate checks, then in one transaction the person, the application, the profile with
its disciplines, languages and slots, the consent with its audit entry, the upload attached,
the history entry and the confirmation email with its task; then the session. The default
Locale is read once per request and the form is built once (its description is the snapshot
kept). The form's fields (institutions, disciplines, the privacy notice), the institution
answered, the disciplines' ids, the notice in force and the cohort's title in the applicant's
language are kept per process and page-cache generation (``applications.memo.kept``; the
warm-up submissions fill them); applications are not in Wagtail's reference index.
"""

from __future__ import annotations

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from applications.models import Application, Discipline, PrivacyNotice
from tests.applications.conftest import make_form_page, pdf_upload, valid_answers
from tests.factories import InstitutionFactory, english, make_cohort
from tests.performance.conftest import assert_flat

pytestmark = pytest.mark.django_db

#: Queries of one valid submission with a CV, by the form copy's language (see the module
#: docstring; measured in a test, where every transaction is a savepoint). The Czech copy
#: also reads its own locale and its cohort's source. Before the changes of issue 12: 81 and
#: 88, then 63 and 69 (before the form's fields and lookups were kept).
CEILING = {"en": 41, "cs": 43}
#: On PostgreSQL the audit history takes an advisory lock before each of its two entries.
POSTGRESQL_EXTRA = 2


def ceiling(language: str) -> int:
    extra = POSTGRESQL_EXTRA if connection.vendor == "postgresql" else 0
    return CEILING[language] + extra


@pytest.fixture
def form(db, locales):
    uwb = InstitutionFactory(name="University of West Bohemia", short_name="UWB")
    cohort = make_cohort(mentee_institutions=[uwb], capacity=500)
    for key, name in [("informatics", "Informatics"), ("mechanical", "Mechanical engineering")]:
        Discipline.objects.create(key=key, name=name, locale=english())
    PrivacyNotice.objects.create(
        version="2026-09",
        title="Privacy notice",
        text="<p>We keep your data safe.</p>",
        effective_from=timezone.now() - timezone.timedelta(days=30),
        locale=english(),
    )
    page = make_form_page(cohort, "mentee")
    czech = page.copy_for_translation(locales["cs"], copy_parents=True)
    czech.save_revision().publish()
    return {"en": page, "cs": czech, "institution": uwb, "cohort": cohort}


class Submitter:
    """Posts complete valid applications, each from a new address; returns their SQL."""

    def __init__(self, client, form):
        self.client = client
        self.form = form
        self.numbers = itertools.count(1)
        self.disciplines = ["informatics"]

    def __call__(self, language: str = "en") -> list[str]:
        number = next(self.numbers)
        email = f"applicant.{number}@example.org"
        data = valid_answers("mentee", self.form["institution"], email=email, language="de")
        data["disciplines"] = list(self.disciplines)
        data["cv"] = pdf_upload()
        page = self.form[language]
        with CaptureQueriesContext(connection) as context:
            response = self.client.post(page.url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        application = Application.objects.get(person__email=email)
        assert application.cohort_id == self.form["cohort"].pk
        assert sorted(d.key for d in application.profile.disciplines.all()) == sorted(
            self.disciplines
        )
        return [query["sql"] for query in context.captured_queries]


def test_a_submission_stays_under_the_ceiling(client, form):
    submit = Submitter(client, form)
    for language in CEILING:
        submit(language)  # warm-up: content types, routes and other per-process caches
    for language in CEILING:
        queries = submit(language)
        listing = "\n".join(sql[:160] for sql in queries)
        assert len(queries) <= ceiling(language), f"{language}: {len(queries)}:\n{listing}"


def test_a_submission_does_not_grow_with_institutions_and_disciplines(client, form, locales):
    submit = Submitter(client, form)

    def grow() -> None:
        cohort = form["cohort"]
        for number in range(15):
            institution = InstitutionFactory(name=f"Partner University {number}")
            cohort.mentee_institutions.add(institution)
            institution.copy_for_translation(locales["cs"]).save()
            discipline = Discipline.objects.create(
                key=f"field-{number}", name=f"Field {number}", locale=english()
            )
            discipline.copy_for_translation(locales["cs"]).save()
        cohort.save()
        # ... and the next applicants tick six disciplines instead of one.
        submit.disciplines = ["informatics", "mechanical", *(f"field-{n}" for n in range(4))]

    fetches = {code: (lambda code=code: submit(code)) for code in CEILING}
    counts = assert_flat(fetches, grow)
    assert all(counts[language] <= ceiling(language) for language in CEILING), counts
