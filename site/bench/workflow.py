"""The whole application workflow at scale, through django-q2: ``workflow.<count>.<db>.<broker>``.

``--workflow-count`` applications (10,000 by default), spread over as many cohorts as needed
(:mod:`bench.workflow_cohorts`: at most ``CAREERSTEPS_BENCH_COHORT_SIZE``, 100 by default, per
cohort, half mentees and half mentors, each cohort cloned from the demo's open intake as the
staff console's *Next cohort* does and opened now), go through the services the site and the
staff console use, while a real ``qcluster`` (``Q_WORKERS`` workers, 2 by default) runs every
task and sends every email through the outbox to files:

* ``submit``: what the form's POST does, the real form validation (the demo applicants'
  answers with their PDF CV, parsed per application as a real submission is) and
  ``receive_submission`` (the answers stored, the acceptance task queued), from this process,
  or from ``CAREERSTEPS_BENCH_SUBMITTERS`` forked processes, each with its own database
  connection (1 by default: on the shared 2-core development machine, 200 applications took
  23.8 s from two submitters against 18.6 s from one at the same load average of 7.7, the
  worker needing the same cores; try 2 or more where cores are free); the phase ends when
  the worker has accepted every submission (the application, its profile, consent, history
  and confirmation email, :mod:`applications.acceptance`);
* ``review``: a reviewer assigned (the applicant is told review started) and the rubric filled
  in;
* ``decide``: per cohort and role, every fourth application rejected, the others accepted until
  the cohort's capacity guard refuses, then waitlisted (the applicant is told);
* ``match``: per cohort, the coordinator starts a matching run (a django-q2 task: scoring,
  optimal assignment, explanations, the proposal) and approves the whole proposal once it is
  done, as on the matching screen; each approval emails the mentee and the mentor;
* ``drain``: until the queue is empty and every new email is sent.

The row's figure is milliseconds per application end to end (first submission to last email
sent; making the cohorts, ``cohorts_setup_s``, is before and not counted). The notes give the
end-to-end seconds, each phase, the cohorts, the pairs approved and the solver's seconds, tasks
per second, CPU seconds of the submitting processes and of the worker tree (on a shared
machine a better guide than the wall clock), the worker tree's peak memory, and the checks
that nothing was lost or done twice: ``lost`` counts outbox emails not sent plus emails that
should exist and do not (per application a confirmation, a review start and a decision; two
per approved pair); ``run_twice_to_effect`` counts an email sent twice by its send task, a
transition's emails sent by two runs of its notify task, a matching run executed twice, and a
message written twice; then an empty queue and no failed task.

This child's own configuration runs first (SQLite, or PostgreSQL when ``DATABASE_URL`` is
PostgreSQL, with the ORM broker); :mod:`bench.workflow_configs` then runs PostgreSQL with the
ORM broker and PostgreSQL with the Redis broker and four workers, when they answer, each in a
child of its own (django-q2 reads its broker once at import).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import resource
import time
from collections import Counter
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections
from django.db.models import Count
from django.utils import timezone
from django.utils.datastructures import MultiValueDict

from bench import servers
from bench.limits import limit_for
from bench.measure import Row
from bench.options import Options

NEEDS_DB = True
DRAIN_TIMEOUT = 3600
PROGRESS_EVERY = 500
#: How many processes submit the applications (forked; 1, the default: this process alone).
SUBMITTERS = "CAREERSTEPS_BENCH_SUBMITTERS"
NOTIFY_TASK = "workflows.notifications.tasks.notify_transition"


def progress(note: str) -> None:
    """A line in ``var/workflow-progress.log``, to follow a long run (the row comes at its
    end)."""
    with open(Path(settings.VAR_DIR) / "workflow-progress.log", "a") as log:
        log.write(f"{timezone.now():%H:%M:%S} {note}\n")


def _forget_broker() -> None:
    """In a forked submitter: no broker (a Redis connection pool) shared with the parent."""
    from workflows.engine.engine import _broker

    _broker.cache_clear()


#: The cohorts and applicants, set before the submitters fork (they inherit it).
_INTAKES: Any = None


def _submit_chunk(plan: list[tuple[int, int, str, int]]) -> list[int]:
    """Submit the planned applications (in this process) as the form's POST does; the
    primary keys of their received submissions."""
    from applications.acceptance import receive_submission
    from applications.forms import ApplicationForm
    from demo.loaders._applicants import post_data
    from workflows.engine.actors import Actor

    intakes = _INTAKES
    submitted = []
    try:
        for number, cohort, role, who in plan:
            if number % PROGRESS_EVERY == 0:
                progress(f"submitting {number}")
            person = (intakes.mentees if role == "mentee" else intakes.mentors)[who]
            page = intakes.forms[(cohort, role)]
            email = f"workflow.{number}@example.org"
            cv = SimpleUploadedFile("cv.pdf", person.cv, "application/pdf")
            data = post_data({**person.spec, "email": email}, person.institution, role)
            form = ApplicationForm(page, data, MultiValueDict({"cv": [cv]}), pending_uploads={})
            if not form.is_valid():
                raise RuntimeError(f"the demo answers no longer validate: {form.errors.as_json()}")
            received = receive_submission(form_page=page, form=form, actor=Actor())
            submitted.append(received.pk)
    finally:
        if multiprocessing.parent_process() is not None:
            connections.close_all()
    return submitted


def _submit_all(intakes: Any, count: int, processes: int) -> tuple[list[Any], float]:
    """Submit ``count`` applications from ``processes`` processes (forked, each with its own
    database connection) and wait until the worker has accepted them all; the applications
    and the submitters' CPU seconds (0 when this process submitted them itself: its own CPU
    time counts them)."""
    from django.db.models import Max

    from applications.models import Application

    global _INTAKES
    _INTAKES = intakes
    plan = intakes.plan(count)
    last_before = Application.objects.aggregate(last=Max("pk"))["last"] or 0
    if processes <= 1:
        received = _submit_chunk(plan)
        children_cpu = 0.0
    else:
        # Pairs of applications (a mentee and a mentor) dealt out in turn.
        chunks = [
            [each for n, each in enumerate(plan) if (n // 2) % processes == i]
            for i in range(processes)
        ]
        connections.close_all()  # never share a connection with a forked child
        before = _cpu_of(resource.RUSAGE_CHILDREN)
        pool = multiprocessing.get_context("fork").Pool(processes, initializer=_forget_broker)
        try:
            received = [
                pk for chunk in pool.map(_submit_chunk, chunks, chunksize=1) for pk in chunk
            ]
        finally:
            pool.close()
            pool.join()
        children_cpu = _cpu_of(resource.RUSAGE_CHILDREN) - before
    if len(received) != count:
        raise RuntimeError(f"{len(received)} submissions received of {count} sent")
    _wait_for_acceptance(time.monotonic() + DRAIN_TIMEOUT)
    # Without the form snapshot (some 40 kB of JSON each, which no later phase reads): 10,000
    # of them would be a few gigabytes in this process.
    applications = list(
        Application.objects.filter(pk__gt=last_before).defer("form_snapshot").order_by("pk")
    )
    if len(applications) != count:
        raise RuntimeError(f"{len(applications)} applications stored of {count} submitted")
    return applications, children_cpu


def _wait_for_acceptance(deadline: float) -> None:
    """Until the worker has turned every received submission into an application."""
    from applications.models import ReceivedSubmission

    while (waiting := ReceivedSubmission.objects.count()) and time.monotonic() < deadline:
        progress(f"{waiting} submissions waiting for the worker")
        time.sleep(2)
    if waiting:
        raise RuntimeError(f"{waiting} submissions not accepted by the worker in time")


def _review_all(applications: list[Any]) -> None:
    from workflows.engine.actors import Actor
    from workflows.review.services import assign_reviewer, rubric_for, submit_review

    users = get_user_model().objects
    reviewer, coordinator = users.get(username="reviewer"), users.get(username="coordinator")
    actor = Actor(user=coordinator)
    rubrics: dict[str, tuple[Any, dict[int, int]]] = {}  # per role, read once
    for application in applications:
        if application.role not in rubrics:
            rubric = rubric_for(application)
            criteria = rubric.criteria.order_by("sort_order", "pk")
            rubrics[application.role] = (rubric, {criterion.pk: 4 for criterion in criteria})
        rubric, scores = rubrics[application.role]
        assignment = assign_reviewer(application, reviewer, actor)
        submit_review(assignment, reviewer, rubric=rubric, scores=scores, recommendation="accept")


def fresh_application(pk: int) -> Any:
    """The application as it is now (its state moved on since it was read), without the form
    snapshot."""
    from applications.models import Application

    return Application.objects.defer("form_snapshot").get(pk=pk)


def _decide_all(applications: list[Any]) -> None:
    """Per cohort and role, every fourth application rejected; the others accepted until the
    cohort is full (its capacity guard refuses), then waitlisted."""
    from workflows.engine.actors import Actor
    from workflows.engine.engine import TransitionRefused
    from workflows.review.services import decide

    coordinator = get_user_model().objects.get(username="coordinator")
    actor = Actor(user=coordinator)
    seen: Counter[tuple[int, str]] = Counter()
    for application in applications:
        key = (application.cohort_id, application.role)
        position = seen[key]
        seen[key] += 1
        fresh = fresh_application(application.pk)
        if position % 4 == 3:
            decide(fresh, "reject", actor, message="Bench")
            continue
        try:
            decide(fresh, "accept", actor, message="Bench")
        except TransitionRefused:  # the cohort is full (its capacity): the rest wait
            decide(fresh_application(application.pk), "waitlist", actor, message="Bench")


def _match_all(intakes: Any, deadline: float) -> dict[str, Any]:
    """As a coordinator on each cohort's matching screen: start a run (a django-q2 task the
    worker executes: scoring, solving, explanations, the proposal), and when it is done,
    approve the whole proposal (each approval emails the mentee and the mentor)."""
    from workflows.engine.actors import Actor
    from workflows.matching.lifecycle import PROPOSED
    from workflows.matching.models import Match, MatchingRun
    from workflows.matching.runs import start_run
    from workflows.matching.services import approve_many

    coordinator = get_user_model().objects.get(username="coordinator")
    actor = Actor(user=coordinator)
    waiting = {start_run(cohort, coordinator).pk: cohort for cohort in intakes.cohorts}
    counts = {"pairs": 0, "approvals_refused": 0, "runs_refused": 0, "solver_s": 0.0}
    ended = (MatchingRun.State.DONE, MatchingRun.State.REFUSED, MatchingRun.State.FAILED)
    while waiting:
        finished = list(MatchingRun.objects.filter(pk__in=list(waiting), state__in=ended))
        for run in finished:
            cohort = waiting.pop(run.pk)
            if run.state == MatchingRun.State.FAILED:
                raise RuntimeError(f"matching run {run.pk} of {cohort} failed: {run.refusal}")
            if run.state == MatchingRun.State.REFUSED:  # e.g. a cohort without mentors
                counts["runs_refused"] += 1
                progress(f"matching run {run.pk} of {cohort} refused: {run.refusal}")
                continue
            counts["solver_s"] += run.result.get("seconds", 0)
            proposal = list(Match.objects.filter(cohort=cohort, state=PROPOSED).order_by("pk"))
            result = approve_many(proposal, actor)
            counts["pairs"] += len(result.done)
            counts["approvals_refused"] += len(result.refused)
        if not finished:
            if time.monotonic() > deadline:
                raise RuntimeError(f"matching runs {sorted(waiting)} not done in time")
            time.sleep(0.5)
    counts["solver_s"] = round(counts["solver_s"], 1)
    return counts


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


def _cpu_of(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _own_cpu_seconds() -> float:
    return _cpu_of(resource.RUSAGE_SELF)


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


def _emails_missing(applications: list[Any], pairs: int, new_emails) -> int:
    """Emails that should exist and do not: per application a confirmation, one when review
    starts and one with the decision; one to the mentee and one to the mentor per approved
    pair."""
    count = len(applications)
    expected = {
        "application_submitted": count,
        "application_start_review": count,
        "match_approve": 2 * pairs,
    }
    written = dict(
        new_emails.filter(template__in=list(expected))
        .values_list("template")
        .annotate(number=Count("pk"))
        .values_list("template", "number")
    )
    decisions = new_emails.filter(
        template__in=["application_accept", "application_reject", "application_waitlist"]
    ).count()
    return sum(max(0, n - written.get(t, 0)) for t, n in expected.items()) + max(
        0, count - decisions
    )


def _twice_by_tasks(new_tasks) -> int:
    """Tasks whose effect happened twice: an email sent twice by its send task, a
    transition's emails sent by two runs of its notify task, a matching run executed twice."""
    from workflows.matching.runs import TASK as MATCH_TASK
    from workflows.notifications.services import SEND_TASK

    twice = 0
    for func, did_it in (
        (SEND_TASK, lambda result: result == "sent"),
        (NOTIFY_TASK, lambda result: "sent" in str(result).split(",")),
        (MATCH_TASK, lambda result: str(result).startswith("matched")),
    ):
        done = [
            args[0]
            for args, result in new_tasks.filter(func=func).values_list("args", "result")
            if did_it(result)
        ]
        twice += len(done) - len(set(done))
    return twice


def run_here(options: Options) -> dict[str, Any]:
    """The workflow on this process's own database and broker: one row (as a dict)."""
    from django_q.models import Failure, Success

    from bench.workflow_cohorts import make_intakes
    from workflows.notifications.models import OutboundEmail

    count = options.workflow_count
    mail_dir = Path(settings.EMAIL_FILE_PATH)
    workers = int(os.environ.get("Q_WORKERS", "2"))
    submitters = max(1, int(os.environ.get(SUBMITTERS, "1")))
    mark = time.perf_counter()
    progress("making the cohorts")
    intakes = make_intakes(count)
    cohorts_s = round(time.perf_counter() - mark, 1)
    emails_before = set(OutboundEmail.objects.values_list("pk", flat=True))
    successes_before = set(Success.objects.values_list("id", flat=True))
    failures = Failure.objects.count()
    started_at = timezone.now()
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
        applications, submitters_cpu = _submit_all(intakes, count, submitters)
        phases["submit_s"] = round(time.perf_counter() - mark, 1)
        for name, step in (("review", _review_all), ("decide", _decide_all)):
            mark = time.perf_counter()
            progress(name)
            step(applications)
            phases[f"{name}_s"] = round(time.perf_counter() - mark, 1)
        mark = time.perf_counter()
        progress("matching")
        matching = _match_all(intakes, time.monotonic() + DRAIN_TIMEOUT)
        phases["match_s"] = round(time.perf_counter() - mark, 1)
        mark = time.perf_counter()
        progress("draining")
        new_emails = OutboundEmail.objects.exclude(pk__in=emails_before)
        _drain(new_emails, time.monotonic() + DRAIN_TIMEOUT)
        phases["drain_s"] = round(time.perf_counter() - mark, 1)
        elapsed = time.perf_counter() - began
        worker_memory = servers.peak_memory_mb(worker.pid)
        worker_cpu = servers.cpu_seconds(worker.pid)
    own_cpu = _own_cpu_seconds() - cpu_before + submitters_cpu
    queued = new_emails.count()
    sent = new_emails.filter(status=OutboundEmail.Status.SENT).count()
    match_emails = new_emails.filter(template__startswith="match_")
    new_tasks = Success.objects.exclude(id__in=successes_before)
    tasks = new_tasks.count()
    failed = Failure.objects.count() - failures
    # Twice to effect: a task that did its work twice (see _twice_by_tasks), or a message
    # written twice (same content; each application's emails have their own address, each
    # match email its own link).
    messages = _messages_in(mail_dir)
    sent_during_run = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.SENT, sent_at__gte=started_at
    ).count()
    twice = (
        _twice_by_tasks(new_tasks)
        + (len(messages) - len(set(messages)))
        + max(0, len(messages) - sent_during_run)
    )
    lost = queued - sent + _emails_missing(applications, matching["pairs"], new_emails)
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
            "cohorts": len(intakes.cohorts),
            "cohort_size": intakes.size,
            "cohorts_setup_s": cohorts_s,
            "end_to_end_s": round(elapsed, 1),
            **phases,
            "submit_processes": submitters,
            "pairs": matching["pairs"],
            "approvals_refused": matching["approvals_refused"],
            "matching_runs_refused": matching["runs_refused"],
            "solver_s": matching["solver_s"],
            "tasks": tasks,
            "tasks_per_s": round(tasks / elapsed, 1),
            "failed_tasks": failed,
            "emails_queued": queued,
            "emails_sent": sent,
            "match_emails_queued": match_emails.count(),
            "match_emails_sent": match_emails.filter(status=OutboundEmail.Status.SENT).count(),
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
