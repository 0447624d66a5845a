"""An application submission's queries (issue 12): a valid POST with a PDF CV through the
form page, in English and through a Czech copy, and the worker's acceptance of it each stay
under a fixed ceiling, and make no more queries when the site has many more institutions and
disciplines (each translated) and the applicant ticks more disciplines.

Every savepoint is counted as a query (in a test each transaction is a savepoint). The POST
(:func:`applications.acceptance.receive_submission`) does what the applicant must hear about
at once: the default Locale, the throttle (4), the form page's cohort, the institution
eligibility check, then one transaction (the CV's upload row, the received submission, the
CV marked as its, the queued task); no session is written. The form's fields (institutions,
disciplines, the privacy notice) and the institution answered are kept per process and
page-cache generation (``applications.memo.kept``; the warm-up submissions fill them).

The acceptance (:func:`applications.acceptance.accept_received`, what the queued task runs)
does the rest in one transaction: the received row locked with its uploads, the duplicate
check, the person, the application, the profile with its disciplines, languages and slots,
the consent with its audit entry, the upload attached, the history entry, the confirmation
email with its task, and the received row deleted. It remembers its own repeated lookups
(the default Locale, the institution, the notice in force: ``applications.memo.remembering``,
46 → 36 queries). Applications are not in Wagtail's reference index.
"""

from __future__ import annotations

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from applications.acceptance import accept_received
from applications.models import Application, Discipline, PrivacyNotice, ReceivedSubmission
from tests.applications.conftest import make_form_page, pdf_upload, valid_answers
from tests.factories import InstitutionFactory, english, make_cohort
from tests.performance.conftest import assert_flat

pytestmark = pytest.mark.django_db

#: Queries of one valid submission with a CV, its POST and its acceptance, by the form copy's
#: language (see the module docstring; measured in a test, where every transaction is a
#: savepoint). The Czech copy's POST also reads its own locale and its cohort's source. Before
#: the changes of issue 12 the POST did everything: 81 and 88, then 63 and 69, then 41 and 43
#: (the form's fields and lookups kept), before the worker took the application's creation.
CEILING = {"post": {"en": 13, "cs": 15}, "accept": {"en": 36, "cs": 36}}
PARTS = ("post", "accept")
LANGUAGES = ("en", "cs")
#: On PostgreSQL the audit history takes an advisory lock before each of its two entries.
POSTGRESQL_EXTRA = {"post": 0, "accept": 2}


def ceiling(part: str, language: str) -> int:
    extra = POSTGRESQL_EXTRA[part] if connection.vendor == "postgresql" else 0
    return CEILING[part][language] + extra


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
    """Posts complete valid applications, each from a new address, and accepts each as the
    worker does; returns the SQL of the POST and of the acceptance."""

    def __init__(self, client, form):
        self.client = client
        self.form = form
        self.numbers = itertools.count(1)
        self.disciplines = ["informatics"]

    def __call__(self, language: str = "en") -> dict[str, list[str]]:
        number = next(self.numbers)
        email = f"applicant.{number}@example.org"
        data = valid_answers("mentee", self.form["institution"], email=email, language="de")
        data["disciplines"] = list(self.disciplines)
        data["cv"] = pdf_upload()
        page = self.form[language]
        with CaptureQueriesContext(connection) as post:
            response = self.client.post(page.url, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        received = ReceivedSubmission.objects.get()
        assert received.answers["email"] == email
        with CaptureQueriesContext(connection) as accept:
            application = accept_received(received.pk)
        assert application is not None
        assert not ReceivedSubmission.objects.exists()
        application = Application.objects.get(person__email=email)
        assert application.cohort_id == self.form["cohort"].pk
        assert sorted(d.key for d in application.profile.disciplines.all()) == sorted(
            self.disciplines
        )
        return {
            part: [query["sql"] for query in context.captured_queries]
            for part, context in (("post", post), ("accept", accept))
        }


def test_a_submission_stays_under_the_ceiling(client, form):
    submit = Submitter(client, form)
    for language in LANGUAGES:
        submit(language)  # warm-up: content types, routes and other per-process caches
    for language in LANGUAGES:
        queries = submit(language)
        for part in PARTS:
            listing = "\n".join(sql[:160] for sql in queries[part])
            count = len(queries[part])
            assert count <= ceiling(part, language), f"{part} {language}: {count}:\n{listing}"


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

    # One submission measured as two fetches: its POST (which submits) and its acceptance.
    latest: dict[str, dict[str, list[str]]] = {}

    def measured(language: str, part: str):
        def fetch() -> list[str]:
            if part == "post":
                latest[language] = submit(language)
            return latest[language][part]

        return fetch

    fetches = {
        f"{part} {language}": measured(language, part) for language in LANGUAGES for part in PARTS
    }
    counts = assert_flat(fetches, grow)
    assert all(
        counts[f"{part} {language}"] <= ceiling(part, language)
        for language in LANGUAGES
        for part in PARTS
    ), counts
