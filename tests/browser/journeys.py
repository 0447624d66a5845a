"""Steps several browser tests share: applying through the real form, signing in to the
portal with an emailed link, and looking behind the pages at what the site stored."""

from __future__ import annotations

import hashlib
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import BrowserContext, Page

from .documents import make_cv_pdf
from .forms import choose_option, fill, other_required_answers
from .mail import SentMail, wait_for_mail
from .servers import RunningSite


def unique_email(local: str, domain: str) -> str:
    """One applicant per test run (an email may apply once per cohort and role), so a reused
    browser database (CAREERSTEPS_BROWSER_REUSE_DB) doesn't refuse the second run."""
    return f"{local}.{uuid.uuid4().hex[:6]}@{domain}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def field_values(page: Page, name: str) -> list[str]:
    """The values of the inputs (or options' inputs) named ``name`` on the form."""
    return page.locator(f"#application-form [name='{name}']").evaluate_all(
        "inputs => inputs.map(i => i.value)"
    )


def mentee_answers(page: Page, *, full_name: str, email: str, cv: Path, language: str) -> dict:
    """A complete, valid mentee application (the form on ``page`` supplies the choices)."""
    answers = {
        "full_name": full_name,
        "email": email,
        "preferred_language": language,
        "institution": choose_option(page, "institution", "Amberg"),
        "faculty": "Fakultät Maschinenbau/Umwelttechnik",
        "programme_or_position": "Maschinenbau (M.Sc.)",
        "degree_level": "master",
        "disciplines": [field_values(page, "disciplines")[0]],
        "research_interests": "Werkstoffe, Leichtbau, Größenabhängige Festigkeit",
        "mentoring_languages_de": "native",
        "mentoring_languages_en": "C1",
        "meeting_preference": "mixed",
        "availability": ["0-16-20", "2-08-12"],
        "goals": "Ich möchte herausfinden, ob eine Promotion in Pilsen zu mir passt.",
        "cv": cv,
        "privacy_consent": True,
    }
    return {**answers, **other_required_answers(page, answers)}


#: How long the worker may take to accept a submission (it waits for a quiet moment, ten
#: seconds at most while applicants keep submitting), and how often to look.
ACCEPTANCE_TIMEOUT = 60.0
ACCEPTANCE_POLL = 0.2


def application_record(site: RunningSite, email: str) -> dict:
    """What the running site stored for ``email``: person, application, uploaded files.

    The form's POST only receives the answers; the worker (the site's qcluster) creates the
    application a moment later, so this waits for it (``ACCEPTANCE_TIMEOUT`` at most)."""
    code = f"""
from applications.models import Application, ReceivedSubmission, Upload
application = (
    Application.objects.select_related("person").filter(person__email={email!r}).first()
)
if application is None:
    result = {{"waiting": ReceivedSubmission.objects.filter(answers__email={email!r}).count()}}
else:
    result = {{
        "pk": application.pk,
        "full_name": application.person.full_name,
        "preferred_language": application.person.preferred_language,
        "role": application.role,
        "language": application.language,
        "state": application.state,
        "uploads": [
            {{"name": u.original_name, "key": u.field_key, "sha256": u.sha256,
              "head": u.file.open("rb").read(5).decode("latin-1")}}
            for u in Upload.objects.filter(application=application)
        ],
    }}
"""
    deadline = time.monotonic() + ACCEPTANCE_TIMEOUT
    while True:
        record = site.query(code)
        if "pk" in record:
            return record
        if time.monotonic() > deadline:
            raise AssertionError(
                f"no application for {email} within {ACCEPTANCE_TIMEOUT:.0f} s of submitting; "
                f"received submissions still waiting for the worker: {record['waiting']} "
                f"(see the qcluster log)"
            )
        time.sleep(ACCEPTANCE_POLL)


@dataclass
class Applicant:
    email: str
    full_name: str
    language: str
    application: int


def apply_as_mentee(
    context: BrowserContext,
    site: RunningSite,
    form_path: str,
    *,
    full_name: str,
    language: str,
    directory: Path,
) -> Applicant:
    """Submit a complete mentee application through the form, in its own tab."""
    email = unique_email("applicant", "example.org")
    cv = make_cv_pdf(directory / f"cv-{uuid.uuid4().hex[:6]}.pdf", full_name, "Amberg")
    page = context.new_page()
    page.goto(form_path)
    fill(page, mentee_answers(page, full_name=full_name, email=email, cv=cv, language=language))
    page.locator("#submit-application").click()
    page.wait_for_url("**?submitted=1")
    page.close()
    record = application_record(site, email)
    return Applicant(email, full_name, language, record["pk"])


def is_sign_in_mail(mail: SentMail) -> bool:
    return any("/portal/sign-in/" in link for link in mail.links())


def sign_in_link(site: RunningSite, page: Page, email: str, language: str, count: int = 1) -> str:
    """Ask for a sign-in link on the portal page and return it from the email the worker
    sent (``count``: how many sign-in emails this address has received by then)."""
    page.goto(f"/{language}/portal/sign-in/")
    page.locator("#sign-in-form [name='email']").fill(email)
    page.locator("#sign-in-submit").click()
    page.wait_for_url(f"**/{language}/portal/sign-in/sent/")
    mails = wait_for_mail(site.mail_dir, email, count=count, matching=is_sign_in_mail)
    links = [link for link in mails[-1].links() if "/portal/sign-in/" in link]
    assert len(links) == 1, f"expected one sign-in link in: {mails[-1].body}"
    return links[0]


def state_label(site: RunningSite, application: int, language: str) -> str:
    """The application's state as the site names it in ``language``."""
    return site.query(
        f"""
from django.utils import translation
from applications.models import Application
with translation.override({language!r}):
    result = str(Application.objects.get(pk={application}).get_state_display())
"""
    )
