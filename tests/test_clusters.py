"""Scale-out with several named qcluster clusters: each cluster (``Q_CLUSTER_NAME``) has its own
queue and runs only the tasks sent to it, on the ORM broker of the real test database."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_scaling import database_url_for_test_db

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
