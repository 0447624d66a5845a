"""Outgrowing one machine: the Redis broker with several qcluster workers, chosen by
environment variables, processes the tasks the site enqueues (against the real test database:
SQLite by default, PostgreSQL in CI's second run)."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


def database_url_for_test_db() -> str:
    """A DATABASE_URL pointing subprocesses at the database this test runs against."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or "postgres"
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{settings['NAME']}"


def run_manage(args: list[str], env: dict[str, str], timeout: int = 60) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.mark.skipif(not redis_answers(), reason="Redis is not running on 127.0.0.1:6379")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_redis_broker_with_two_workers_sends_queued_email(tmp_path):
    from django_q.models import OrmQ

    from workflows.notifications.models import OutboundEmail

    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careersteps.settings.base",
        "DATABASE_URL": database_url_for_test_db(),
        "REDIS_URL": "redis://127.0.0.1:6379/14",
        "Q_WORKERS": "2",
        "CAREERSTEPS_VAR_DIR": str(tmp_path),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
    }
    run_manage(
        [
            "shell",
            "-c",
            "from django.db import transaction\n"
            "from workflows.engine.engine import enqueue\n"
            "from workflows.notifications.models import OutboundEmail\n"
            "from workflows.notifications.services import SEND_TASK\n"
            "with transaction.atomic():\n"
            "    email = OutboundEmail.objects.create(key='scaling-test', template='manual',"
            " to='jiri@example.org', language='cs', subject='Dobrý den', body_text='Jiří')\n"
            "    enqueue(SEND_TASK, email.pk)\n",
        ],
        env,
    )
    email = OutboundEmail.objects.get(key="scaling-test")
    assert email.status == OutboundEmail.Status.PENDING  # queued in Redis, no worker yet

    worker = subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            email.refresh_from_db()
            if email.status == OutboundEmail.Status.SENT:
                break
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGTERM)  # the main pid only (django-q2 issue #66)
        try:
            output, _ = worker.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            output, _ = worker.communicate()
    assert email.status == OutboundEmail.Status.SENT, output
    assert output.count("ready for work") == 2  # Q_WORKERS=2
    assert not OrmQ.objects.exists()  # the task travelled through Redis, not the ORM queue
    sent = list(mail_dir.glob("*.log"))
    assert len(sent) == 1
    assert "Jiří" in sent[0].read_text()
