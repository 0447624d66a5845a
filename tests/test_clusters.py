"""Scale-out with several named qcluster clusters: each cluster (``Q_CLUSTER_NAME``) has its own
queue and runs only the tasks sent to it, on the ORM broker of the real test database."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_scaling import database_url_for_test_db, redis_answers, run_manage

ROOT = Path(__file__).resolve().parent.parent
HEAVY = "careersteps-heavy"


def start_cluster(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def stop(process: subprocess.Popen) -> str:
    process.send_signal(signal.SIGTERM)  # the main pid only (django-q2 issue #66)
    try:
        output, _ = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        output, _ = process.communicate()
    return output


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_named_clusters_each_run_the_tasks_sent_to_them(tmp_path):
    from django.conf import settings
    from django_q.models import OrmQ, Success
    from django_q.tasks import async_task

    from workflows.notifications.models import OutboundEmail
    from workflows.notifications.services import SEND_TASK

    if settings.REDIS_URL:
        pytest.skip("this test runs the ORM broker")
    emails = {
        cluster: OutboundEmail.objects.create(
            key=f"cluster-test:{cluster}",
            template="manual",
            to=f"{cluster}@example.org",
            language="de",
            subject="Grüß Gott",
            body_text=f"Für {cluster}",
        )
        for cluster in ("careersteps", HEAVY)
    }
    async_task(SEND_TASK, emails["careersteps"].pk)  # the default cluster's queue
    async_task(SEND_TASK, emails[HEAVY].pk, cluster=HEAVY)
    assert set(OrmQ.objects.values_list("key", flat=True)) == {"careersteps", HEAVY}

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careersteps.settings.base",
        "DATABASE_URL": database_url_for_test_db(),
        "REDIS_URL": "",
        "Q_WORKERS": "1",
        "CAREERSTEPS_VAR_DIR": str(tmp_path),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    }
    clusters = [start_cluster(env), start_cluster({**env, "Q_CLUSTER_NAME": HEAVY})]
    outputs = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and OutboundEmail.objects.filter(
            pk__in=[email.pk for email in emails.values()], status=OutboundEmail.Status.SENT
        ).count() < len(emails):
            time.sleep(0.5)
    finally:
        outputs = [stop(process) for process in clusters]
    for email in emails.values():
        email.refresh_from_db()
        assert email.status == OutboundEmail.Status.SENT, outputs
    ran = {task.args[0]: task.cluster for task in Success.objects.filter(func=SEND_TASK)}
    assert ran == {emails["careersteps"].pk: "careersteps", emails[HEAVY].pk: HEAVY}
    assert not OrmQ.objects.exists()
    messages = "".join(path.read_text() for path in (tmp_path / "mail").glob("*.log"))
    assert messages.count("Message-ID:") == 2  # each email sent once


def enqueue_sends(env: dict[str, str], count: int) -> None:
    """Write ``count`` outbox emails and queue their sending, from a process of its own (the
    Redis broker is chosen at import from ``REDIS_URL``, as on a real site)."""
    run_manage(
        [
            "shell",
            "-c",
            "from django.db import transaction\n"
            "from workflows.engine.engine import enqueue\n"
            "from workflows.notifications.models import OutboundEmail\n"
            "from workflows.notifications.services import SEND_TASK\n"
            "with transaction.atomic():\n"
            f"    for n in range({count}):\n"
            "        email = OutboundEmail.objects.create(key=f'shared-queue:{n}',"
            " template='manual', to=f'person{n}@example.org', language='cs',"
            " subject=f'Zpráva {n}', body_text='Dobrý den')\n"
            "        enqueue(SEND_TASK, email.pk)\n",
        ],
        env,
        timeout=120,
    )


def wait_until_ready(process: subprocess.Popen, workers: int, timeout: float = 300) -> list[str]:
    """Read the cluster's output until each of its workers is ready; return the lines read."""
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and sum("ready for work" in line for line in lines) < workers:
        line = process.stdout.readline()
        if not line and process.poll() is not None:
            break
        lines.append(line)
    return lines


BROKERS = [
    pytest.param("orm", id="orm"),
    pytest.param(
        "redis",
        id="redis",
        marks=pytest.mark.skipif(
            not redis_answers(),
            reason="Redis is not running on 127.0.0.1:6379",
        ),
    ),
]


@pytest.mark.parametrize("broker", BROKERS)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_clusters_on_one_queue_run_each_task_once(tmp_path, broker):
    """Two machines, one queue: two qcluster processes of the same cluster name share the
    broker (the ORM queue of the real test database, or Redis) and take tasks from each other's
    reach; every task runs once and every email is written once."""
    from django_q.models import OrmQ, Success

    from workflows.notifications.models import OutboundEmail
    from workflows.notifications.services import SEND_TASK

    count = 60
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careersteps.settings.base",
        "DATABASE_URL": database_url_for_test_db(),
        "REDIS_URL": "redis://127.0.0.1:6379/6" if broker == "redis" else "",
        "Q_WORKERS": "2",
        "CAREERSTEPS_VAR_DIR": str(tmp_path),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    }
    if broker == "redis":
        import redis

        redis.Redis.from_url(env["REDIS_URL"]).flushdb()
    clusters = [start_cluster(env), start_cluster(env)]
    started = ["", ""]
    outputs: list[str] = []
    try:
        # Both clusters are up before anything is queued, so both can take tasks.
        started = ["".join(wait_until_ready(process, 2)) for process in clusters]
        enqueue_sends(env, count)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and (
            OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT).count() < count
            or Success.objects.filter(func=SEND_TASK).count() < count
        ):
            time.sleep(0.5)
    finally:
        outputs = [early + stop(process) for early, process in zip(started, clusters, strict=True)]
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT).count() == count, outputs
    successes = list(Success.objects.filter(func=SEND_TASK))
    assert sorted(task.args[0] for task in successes) == sorted(
        OutboundEmail.objects.values_list("pk", flat=True)
    )  # each email's task succeeded exactly once
    assert {task.result for task in successes} == {"sent"}  # none found it sent already
    assert not OrmQ.objects.exists()
    messages = "".join(path.read_text() for path in (tmp_path / "mail").glob("*.log"))
    assert messages.count("Message-ID:") == count
    for n in range(count):
        assert messages.count(f"To: person{n}@example.org\n") == 1
    # Between them the two clusters processed each send once (schedules' tasks aside).
    processed = [output.count(f"Processed '{SEND_TASK}'") for output in outputs]
    assert sum(processed) == count, outputs
