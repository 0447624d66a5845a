"""The whole application workflow at scale, through django-q2: ``workflow.<count>.<db>.<broker>``.

``--workflow-count`` applications (10,000 by default) of the demo's open intake are submitted
through the real form validation (a one-page PDF CV each, parsed per application as a real
submission is) and ``submit_application``, assigned to a reviewer and reviewed with the
rubric, and decided by the coordinator, while a real ``qcluster`` (``Q_WORKERS`` workers, 2 by
default) sends every email they cause (confirmation and decision, in the applicant's
language) through the outbox to files. The row's figure is milliseconds per application end
to end (first submission to last email sent); the notes give the end-to-end seconds, each
phase, tasks per second, CPU seconds of the submitting process and of the worker tree (on a
shared machine a better guide than the wall clock), the worker tree's peak memory, and the
checks that nothing was lost or done twice: every outbox email sent, no email sent twice by its
tasks, no message written twice, an empty queue, no failed task.

Matching is not a step yet: at this scale it needs several cohorts with mentors (README).

This child's own configuration runs first (SQLite, or PostgreSQL when ``DATABASE_URL`` is
PostgreSQL, with the ORM broker); :mod:`bench.workflow_configs` then runs PostgreSQL with the
ORM broker and PostgreSQL with the Redis broker and four workers, when they answer, each in a
child of its own (django-q2 reads its broker once at import).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
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
PROGRESS_EVERY = 500


def progress(note: str) -> None:
    """A line in ``var/workflow-progress.log``, to follow a long run (the row comes at its
    end)."""
    with open(Path(settings.VAR_DIR) / "workflow-progress.log", "a") as log:
        log.write(f"{timezone.now():%H:%M:%S} {note}\n")


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
        if number % PROGRESS_EVERY == 0:
            progress(f"submitting {number}")
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


def _messages_in(directory: Path) -> list[str]:
    """A digest of every message the file backend wrote (one per email sent), without its
    Message-ID, Date and MIME boundaries: the same email written twice gives the same digest."""
    found: list[str] = []
    if not directory.exists():
        return found
    for file in directory.iterdir():
        if file.is_file():
            for message in file.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                lines = [
                    line
                    for line in message.splitlines()
                    if not line.startswith((b"Message-ID: ", b"Date: "))
                    and b"===============" not in line  # a random MIME boundary
                ]
                if message.strip():
                    found.append(hashlib.sha256(b"\n".join(lines)).hexdigest())
    return found


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) of the process tree under ``pid`` so far, its waited-for
    children included; 0 where /proc is missing."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for each in servers._tree(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(value) for value in fields[11:15])  # utime stime cutime cstime
    return total / ticks


def _own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _queue_left() -> int:
    from django_q.brokers import get_broker
    from django_q.models import OrmQ

    if settings.Q_CLUSTER.get("redis"):
        broker = get_broker()
        return broker.queue_size() + (broker.lock_size() or 0)  # Redis has no locks
    return OrmQ.objects.count()


def _drain(new_emails, deadline: float) -> None:
    """Wait until the queue is empty, every new email is sent and the task count settles
    (the cluster saves a task's result just after running it)."""
    from django_q.models import Task

    from workflows.notifications.models import OutboundEmail

    while time.monotonic() < deadline and (
        _queue_left() or new_emails.exclude(status=OutboundEmail.Status.SENT).exists()
    ):
        time.sleep(0.2)
    seen = -1
    while time.monotonic() < deadline and Task.objects.count() != seen:
        seen = Task.objects.count()
        time.sleep(1)


def run_here(options: Options) -> dict[str, Any]:
    """The workflow on this process's own database and broker: one row (as a dict)."""
    from django_q.models import Failure, Success

    from workflows.notifications.models import OutboundEmail
    from workflows.notifications.services import SEND_TASK

    count = options.workflow_count
    mail_dir = Path(settings.EMAIL_FILE_PATH)
    emails_before = set(OutboundEmail.objects.values_list("pk", flat=True))
    successes_before = set(Success.objects.values_list("id", flat=True))
    failures = Failure.objects.count()
    started_at = timezone.now()
    workers = int(os.environ.get("Q_WORKERS", "2"))
    phases: dict[str, float] = {}
    cpu_before = _own_cpu_seconds()
    with servers.qcluster(
        Path(settings.VAR_DIR) / "workflow-qcluster.log",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        Q_WORKERS=str(workers),
        # Every task's result kept (the site's default), so each one is counted.
        Q_SAVE_LIMIT="0",
    ) as worker:
        began = time.perf_counter()
        mark = began
        applications = _submit_all(count)
        phases["submit_s"] = round(time.perf_counter() - mark, 1)
        for name, step in STEPS:
            mark = time.perf_counter()
            progress(f"{name}")
            step(applications)
            phases[f"{name}_s"] = round(time.perf_counter() - mark, 1)
        mark = time.perf_counter()
        progress("draining")
        new_emails = OutboundEmail.objects.exclude(pk__in=emails_before)
        _drain(new_emails, time.monotonic() + DRAIN_TIMEOUT)
        phases["drain_s"] = round(time.perf_counter() - mark, 1)
        elapsed = time.perf_counter() - began
        worker_memory = servers.peak_memory_mb(worker.pid)
        worker_cpu = _cpu_seconds(worker.pid)
    own_cpu = _own_cpu_seconds() - cpu_before
    queued = new_emails.count()
    sent = new_emails.filter(status=OutboundEmail.Status.SENT).count()
    new_tasks = Success.objects.exclude(id__in=successes_before)
    tasks = new_tasks.count()
    failed = Failure.objects.count() - failures
    # Twice to effect: an email whose send task reported "sent" twice, or a message written
    # twice (same recipient and subject; each application's emails have their own address).
    send_results = list(new_tasks.filter(func=SEND_TASK).values_list("args", "result"))
    sent_by_tasks = [args[0] for args, result in send_results if result == "sent"]
    messages = _messages_in(mail_dir)
    sent_during_run = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENT, sent_at__gte=started_at
    ).count()
    twice = (
        (len(sent_by_tasks) - len(set(sent_by_tasks)))
        + (len(messages) - len(set(messages)))
        + max(0, len(messages) - sent_during_run)
    )
    lost = queued - sent
    broker = "redis" if settings.Q_CLUSTER.get("redis") else "orm"
    database = {"postgresql": "postgres"}.get(connection.vendor, connection.vendor)
    name = f"workflow.{count}.{database}.{broker}"
    per_application = elapsed * 1000 / count
    limit = limit_for(name)
    limit_ms = limit.median_ms * options.limit_scale
    row = Row(
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
            "messages_written": len(messages),
            "lost": lost,
            "run_twice_to_effect": twice,
            "queue_left": _queue_left(),
            "q_workers": workers,
            "site_cpu_s": round(own_cpu, 1),
            "worker_cpu_s": round(worker_cpu, 1),
            "worker_peak_mb": worker_memory["total_mb"],
            "load_average": [round(x, 1) for x in os.getloadavg()],
        },
    ).as_dict()
    progress(f"row {json.dumps(row)}")  # kept should a later configuration fail
    return row


def rows(options: Options) -> list[Row]:
    """This child's own configuration, then the others whose services answer (each in a
    child of its own: see :mod:`bench.workflow_configs`)."""
    from bench import workflow_configs

    here = run_here(options)
    if os.environ.get(workflow_configs.ONE):
        return [Row(**here)]
    broker = "redis" if settings.Q_CLUSTER.get("redis") else "orm"
    others, skipped = workflow_configs.others(options, connection.vendor, broker)
    if skipped:
        here["notes"]["skipped"] = "; ".join(skipped)
    return [Row(**row) for row in (here, *others)]
