"""The application form: its GET, a complete valid submission POST through the real view
(multipart with a real one-page PDF CV), as an applicant to the demo's open intake sends it,
and the worker's acceptance of each received submission (``form.accept``: the person, the
application, consent, history and confirmation email, :mod:`applications.acceptance`), which
the POST leaves to the worker.

The answers are the demo's first intake applicant's, through the demo's own ``post_data``, so
the benchmark follows the form when its questions change; each POST uses a new address (one
application per person, cohort and role) in the throwaway database.
"""

from __future__ import annotations

import io
import itertools
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from applications.acceptance import accept_received
from applications.models import Application, ReceivedSubmission
from bench.measure import Row, measure
from bench.options import Options, client, get_ok

NEEDS_DB = True


def _intake():
    from demo.content.intake import APPLICANTS
    from demo.context import LoadContext
    from demo.loaders.cohorts import open_intake
    from demo.loaders.forms import form_page
    from demo.loaders.institutions import institution

    spec = next(s for s in APPLICANTS if s["role"] == "mentee")
    cohort = open_intake(LoadContext(stdout=io.StringIO(), verbosity=0))
    return form_page(cohort, "mentee", "en"), spec, institution(spec["institution"])


def rows(options: Options) -> list[Row]:
    from demo.loaders._applicants import cv_pdf, post_data

    page, spec, institution = _intake()
    url = page.get_url()
    browser = client()
    cv = cv_pdf(spec, str(institution))
    numbers = itertools.count(1)

    def fresh_post() -> dict[str, Any]:
        email = f"bench.{next(numbers)}@example.org"
        data = dict(post_data({**spec, "email": email}, institution, "mentee").lists())
        data["cv"] = SimpleUploadedFile("cv.pdf", cv, content_type="application/pdf")
        return data

    def submit(data: dict[str, Any]) -> None:
        response = browser.post(url, data)
        if response.status_code != 302:
            raise RuntimeError(f"POST {url} answered {response.status_code}, not a redirect")

    before = ReceivedSubmission.objects.count()
    get_row = measure(
        "form.get",
        lambda: get_ok(browser, url),
        repeat=options.repeat,
        limit_scale=options.limit_scale,
    )
    post_row = measure(
        "form.submit",
        submit,
        setup=fresh_post,
        repeat=options.repeat,
        limit_scale=options.limit_scale,
    )
    received = list(ReceivedSubmission.objects.order_by("pk").values_list("pk", flat=True))
    if len(received) - before != options.repeat + 1:  # + the warm-up
        raise RuntimeError(
            f"{len(received) - before} submissions received from {options.repeat + 1} POSTs"
        )
    post_row.notes["cv_bytes"] = len(cv)
    applications_before = Application.objects.count()
    waiting = iter(received)

    def accept(pk: int) -> None:
        if accept_received(pk) is None:
            raise RuntimeError(f"received submission {pk} was not accepted")

    accept_row = measure(
        "form.accept",
        accept,
        setup=lambda: next(waiting),
        repeat=len(received) - 1,  # the first is the warm-up
        limit_scale=options.limit_scale,
    )
    accepted = Application.objects.count() - applications_before
    if accepted != len(received) or ReceivedSubmission.objects.exists():
        raise RuntimeError(f"{accepted} applications from {len(received)} received submissions")
    return [get_row, post_row, accept_row]
