"""The database side of the load test: what the clients need before the run, and what the
database holds after it.

``python -m loadtest.prepare plan <directory>`` (after ``migrate`` and ``manage.py demo`` on
the throwaway database ``bin/loadtest`` made) writes ``plan.json`` and ``cv.pdf`` there: the
demo's open intake's mentee forms in Czech, German and English, the demo applicant's answers
(``demo.loaders._applicants.post_data``, the same builder ``manage.py bench`` submits with)
and CV (``cv_pdf``), public pages per language, and staff accounts made for the run: reviewers
and coordinators of that cohort, each with a password and a confirmed TOTP device whose key
the clients use to pass the second factor through the real sign-in pages.

``python -m loadtest.prepare report <directory> <results.json>`` compares what the clients
saw accepted with the applications stored, waits for the worker to send every queued email,
and writes the database's side of the figures to ``db.json`` in the directory.

Refuses to run against any database but the throwaway one (``LOADTEST_DB`` must name it).
"""

from __future__ import annotations

import json
import os
import secrets
import sys
import time
from pathlib import Path
from typing import Any

REVIEWERS = int(os.environ.get("LOADTEST_REVIEWERS", "4"))
COORDINATORS = int(os.environ.get("LOADTEST_COORDINATORS", "2"))
STAFF_PREFIX = "loadtest-"
#: Page types visitors browse (every live one, in each language, up to this many per language).
PUBLIC_PAGES_PER_LANGUAGE = 12


def _setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "careersteps.settings.base")
    import django

    django.setup()
    from django.conf import settings

    expected = os.environ.get("LOADTEST_DB", "")
    actual = str(settings.DATABASES["default"]["NAME"])
    if not expected or actual != expected:
        raise SystemExit(
            f"loadtest.prepare runs only on the throwaway database (LOADTEST_DB={expected!r}, "
            f"configured {actual!r})"
        )


def _staff(username: str, group: str, cohort, language: str, role: str) -> dict[str, str]:
    """A staff account with a confirmed TOTP device, scoped to ``cohort`` by a CohortRole."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.users.models import UserProfile

    from workflows.access.models import CohortRole

    password = secrets.token_urlsafe(16)
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password=password,
        first_name="Load",
        last_name=username.removeprefix(STAFF_PREFIX).replace("-", " ").title(),
    )
    user.groups.add(Group.objects.get(name=group))
    CohortRole.objects.create(user=user, role=role, cohort=cohort)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    key = secrets.token_hex(20)
    TOTPDevice.objects.create(user=user, name="authenticator", key=key, confirmed=True)
    return {"username": username, "password": password, "totp_key": key}


def _public_pages() -> dict[str, list[str]]:
    from wagtail.models import Page

    from applications.pages import ApplicationFormPage

    pages: dict[str, list[str]] = {}
    for page in (
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .not_type(ApplicationFormPage)
        .select_related("locale")
        .order_by("depth", "path")
    ):
        urls = pages.setdefault(page.locale.language_code, [])
        url = page.get_url()
        if url and len(urls) < PUBLIC_PAGES_PER_LANGUAGE:
            urls.append(url)
    return pages


def plan(directory: Path) -> dict[str, Any]:
    from django.utils import timezone

    from bench.forms import _intake
    from demo.loaders._applicants import cv_pdf, post_data
    from demo.loaders.forms import form_page
    from workflows.roles import COORDINATORS as COORDINATORS_GROUP
    from workflows.roles import REVIEWERS as REVIEWERS_GROUP

    english_form, spec, institution = _intake()
    cohort = english_form.get_parent().specific
    forms = {
        language: form_page(cohort, "mentee", language).get_url() for language in ("cs", "de", "en")
    }
    cv = directory / "cv.pdf"
    cv.write_bytes(cv_pdf(spec, str(institution)))
    languages = ("cs", "de", "en")
    staff = {
        "reviewers": [
            _staff(
                f"{STAFF_PREFIX}reviewer-{n}",
                REVIEWERS_GROUP,
                cohort,
                languages[n % 3],
                "reviewer",
            )
            for n in range(1, REVIEWERS + 1)
        ],
        "coordinators": [
            _staff(
                f"{STAFF_PREFIX}coordinator-{n}",
                COORDINATORS_GROUP,
                cohort,
                languages[n % 3],
                "coordinator",
            )
            for n in range(1, COORDINATORS + 1)
        ],
    }
    result = {
        "started_at": timezone.now().isoformat(),
        "forms": forms,
        "answers": dict(post_data(spec, institution, "mentee").lists()),
        "cv": str(cv),
        "staff": staff,
        "public": _public_pages(),
    }
    (directory / "plan.json").write_text(json.dumps(result, indent=2))
    return result


def _wait_for_worker(seconds: float) -> None:
    """Until no email waits and the task queue is empty, or ``seconds`` have passed."""
    from django_q.models import OrmQ

    from workflows.notifications.models import OutboundEmail

    deadline = time.monotonic() + seconds
    waiting = (OutboundEmail.Status.PENDING, OutboundEmail.Status.SENDING)
    while time.monotonic() < deadline:
        if (
            not OrmQ.objects.exists()
            and not OutboundEmail.objects.filter(status__in=waiting).exists()
        ):
            return
        time.sleep(1)


def report(directory: Path, results_file: Path, drain_seconds: float = 180) -> dict[str, Any]:
    """The database's side: stored against accepted, reviews, decisions, emails, tasks."""
    from django.db.models import Count
    from django.utils.dateparse import parse_datetime
    from django_q.models import Failure, OrmQ

    from applications.models import Application
    from loadtest.client import EMAIL_DOMAIN, EMAIL_PREFIX
    from workflows.notifications.models import OutboundEmail
    from workflows.review.models import ReviewAssignment

    the_plan = json.loads((directory / "plan.json").read_text())
    started = parse_datetime(the_plan["started_at"])
    seen = json.loads(results_file.read_text()) if results_file.exists() else {}
    accepted = set(seen.get("accepted", []))
    _wait_for_worker(drain_seconds)
    stored_rows = Application.objects.filter(
        person__email__startswith=EMAIL_PREFIX, person__email__endswith=f"@{EMAIL_DOMAIN}"
    )
    stored = set(stored_rows.values_list("person__email", flat=True))
    emails = dict(
        OutboundEmail.objects.filter(created_at__gte=started)
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    return {
        "accepted": len(accepted),
        "stored": len(stored),
        "lost": sorted(accepted - stored),
        "stored_not_seen_accepted": sorted(stored - accepted),
        "states": dict(
            stored_rows.values_list("state").annotate(n=Count("pk")).values_list("state", "n")
        ),
        "reviews_submitted": ReviewAssignment.objects.filter(
            reviewer__username__startswith=STAFF_PREFIX,
            status=ReviewAssignment.Status.SUBMITTED,
        ).count(),
        "emails_queued": sum(emails.values()),
        "emails_sent": emails.get(OutboundEmail.Status.SENT, 0),
        "emails_failed": emails.get(OutboundEmail.Status.FAILED, 0),
        "emails_waiting": emails.get(OutboundEmail.Status.PENDING, 0)
        + emails.get(OutboundEmail.Status.SENDING, 0),
        "tasks_queued_left": OrmQ.objects.count(),
        "tasks_failed": Failure.objects.filter(started__gte=started).count(),
    }


def main(argv: list[str]) -> int:
    usage = "usage: python -m loadtest.prepare plan DIR | report DIR RESULTS_JSON"
    if len(argv) < 2 or argv[0] not in {"plan", "report"}:
        print(usage, file=sys.stderr)
        return 2
    _setup()
    directory = Path(argv[1])
    if argv[0] == "plan":
        made = plan(directory)
        print(
            f"plan: forms {', '.join(made['forms'])}; "
            f"{len(made['staff']['reviewers'])} reviewers, "
            f"{len(made['staff']['coordinators'])} coordinators (TOTP); "
            f"public pages {sum(len(v) for v in made['public'].values())}"
        )
        return 0
    if len(argv) != 3:
        print(usage, file=sys.stderr)
        return 2
    (directory / "db.json").write_text(json.dumps(report(directory, Path(argv[2])), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
