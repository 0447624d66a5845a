"""The whole application workflow at scale, through django-q2: ``workflow.<count>.<db>.<broker>``.

``--workflow-count`` applications (10,000 by default) of the demo's open intake are submitted
through the real form validation (a one-page PDF CV each) and ``submit_application``, assigned
to a reviewer and reviewed with the rubric, and decided by the coordinator, while a real
``qcluster`` (``Q_WORKERS`` workers, 2 by default) sends every email they cause (confirmation
and decision, in the applicant's language) through the outbox to files. The row's figure is
milliseconds per application end to end (first submission to last email sent); the notes give
the end-to-end seconds, each phase, tasks per second, and the checks that nothing was lost or
done twice: every outbox email sent once, one message file line per email, an empty queue, no
failed task.

Matching is the next step once it takes decided applications in bulk: ``STEPS`` lists the
phases; a ``match`` phase is one more function taking the decided applications.

Runs on the child's database (SQLite, or PostgreSQL when ``DATABASE_URL`` is PostgreSQL) with
the ORM broker; the Redis broker needs the enqueueing process itself started with
``REDIS_URL`` (django-q2 reads its broker once at import), which this group does not do yet.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from bench import servers
from bench.limits import limit_for
from bench.measure import Row
from bench.options import Options

NEEDS_DB = True
DRAIN_TIMEOUT = 3600


def _submit_all(count: int) -> list[Any]:
    from applications.forms import ApplicationForm
    from applications.services import submit_application
    from applications.uploads import keep_valid_uploads
    from bench.forms import _intake
    from demo.loaders._applicants import cv_pdf, post_data
    from workflows.engine.actors import Actor

    page, spec, institution = _intake()
    cv = cv_pdf(spec, str(institution))
    submitted = []
    for number in range(count):
        email = f"workflow.{number}@example.org"
        files = MultiValueDict({"cv": [SimpleUploadedFile("cv.pdf", cv, "application/pdf")]})
        data = post_data({**spec, "email": email}, institution, "mentee")
        form = ApplicationForm(page, data, files, pending_uploads={})
        if not form.is_valid():
            raise RuntimeError(f"the demo answers no longer validate: {form.errors.as_json()}")
        keep_valid_uploads(form, None)
        submitted.append(
            submit_application(
                form_page=page,
                cleaned=form.cleaned_data,
                uploads=form.pending_uploads,
                actor=Actor(),
            )
        )
    return submitted


def _review_all(applications: list[Any]) -> None:
    from workflows.engine.actors import Actor
    from workflows.review.services import assign_reviewer, rubric_for, submit_review

    users = get_user_model().objects
    reviewer, coordinator = users.get(username="reviewer"), users.get(username="coordinator")
    rubric = rubric_for(applications[0])
    criteria = list(rubric.criteria.order_by("sort_order", "pk"))
    for application in applications:
        assignment = assign_reviewer(application, reviewer, Actor(user=coordinator))
        submit_review(
            assignment,
            reviewer,
            rubric=rubric,
            scores={criterion.pk: 4 for criterion in criteria},
            recommendation="accept",
        )


def _decide_all(applications: list[Any]) -> None:
    from applications.models import Application
    from workflows.engine.actors import Actor
    from workflows.engine.engine import TransitionRefused
    from workflows.review.services import decide

    coordinator = get_user_model().objects.get(username="coordinator")
    actor = Actor(user=coordinator)
    for number, application in enumerate(applications):
        fresh = Application.objects.get(pk=application.pk)
        if number % 2:
            decide(fresh, "reject", actor, message="Bench")
            continue
        try:
            decide(fresh, "accept", actor, message="Bench")
        except TransitionRefused:  # the cohort is full (its capacity): the rest wait
            decide(Application.objects.get(pk=application.pk), "waitlist", actor, message="Bench")


#: The phases in order; each takes the submitted applications (after ``submit``).
STEPS: tuple[tuple[str, Callable[[list[Any]], None]], ...] = (
    ("review", _review_all),
    ("decide", _decide_all),
)


def _messages_in(directory: Path) -> int:
    if not directory.exists():
        return 0
    return sum(
        file.read_bytes().count(b"\nMessage-ID: ") for file in directory.iterdir() if file.is_file()
    )


def rows(options: Options) -> list[Row]:
    from django_q.models import Failure, OrmQ, Success

    from workflows.notifications.models import OutboundEmail

    count = options.workflow_count
    mail_dir = Path(settings.VAR_DIR) / "workflow-mail"
    mail_dir.mkdir(parents=True, exist_ok=True)
    emails_before = set(OutboundEmail.objects.values_list("pk", flat=True))
    successes, failures = Success.objects.count(), Failure.objects.count()
    started_at = timezone.now()
    workers = os.environ.get("Q_WORKERS", "2")
    phases: dict[str, float] = {}
    with servers.qcluster(
        Path(settings.VAR_DIR) / "workflow-qcluster.log",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        CAREERSTEPS_BENCH_MAIL_DIR=str(mail_dir),
        Q_WORKERS=workers,
    ) as worker:
        began = time.perf_counter()
        mark = began
        applications = _submit_all(count)
        phases["submit_s"] = round(time.perf_counter() - mark, 1)
        for name, step in STEPS:
            mark = time.perf_counter()
            step(applications)
            phases[f"{name}_s"] = round(time.perf_counter() - mark, 1)
        mark = time.perf_counter()
        new_emails = OutboundEmail.objects.exclude(pk__in=emails_before)
        deadline = time.monotonic() + DRAIN_TIMEOUT
        while time.monotonic() < deadline and (
            OrmQ.objects.exists() or new_emails.exclude(status=OutboundEmail.Status.SENT).exists()
        ):
            time.sleep(0.5)
        phases["drain_s"] = round(time.perf_counter() - mark, 1)
        elapsed = time.perf_counter() - began
        worker_memory = servers.peak_memory_mb(worker.pid)
    queued = new_emails.count()
    sent = new_emails.filter(status=OutboundEmail.Status.SENT).count()
    tasks = Success.objects.count() - successes
    failed = Failure.objects.count() - failures
    # The qcluster wrote to var/mail of the same var dir (EMAIL_FILE_PATH).
    messages = _messages_in(Path(settings.EMAIL_FILE_PATH))
    broker = "redis" if settings.Q_CLUSTER.get("redis") else "orm"
    name = f"workflow.{count}.{connection.vendor}.{broker}"
    per_application = elapsed * 1000 / count
    limit = limit_for(name)
    limit_ms = limit.median_ms * options.limit_scale
    lost = queued - sent
    # Every message file line is one email sent during the run: ours, and any the demo had left
    # pending, which the worker sends too. More lines than emails marked sent: sent twice.
    sent_during_run = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENT, sent_at__gte=started_at
    ).count()
    twice = max(0, messages - sent_during_run)
    return [
        Row(
            name=name,
            median_ms=round(per_application, 2),
            p95_ms=round(per_application, 2),
            limit_ms=round(limit_ms, 2),
            status="OK" if per_application <= limit_ms and not lost and not twice else "SLOW",
            repeat=1,
            reason=limit.reason,
            notes={
                "applications": count,
                "end_to_end_s": round(elapsed, 1),
                **phases,
                "tasks": tasks,
                "tasks_per_s": round(tasks / elapsed, 1),
                "failed_tasks": failed,
                "emails_queued": queued,
                "emails_sent": sent,
                "messages_written": messages,
                "lost": lost,
                "sent_twice": twice,
                "queue_left": OrmQ.objects.count(),
                "q_workers": int(workers),
                "worker_peak_mb": worker_memory["total_mb"],
            },
        )
    ]
