"""A real ``manage.py qcluster`` picks up a decision's email that was queued with no worker.

The decision commits with its queue row (ORM broker) while no worker runs; then a short-lived
qcluster process is started against the same test database, and the email ends up sent exactly
once. Transactional (the worker is another process and must see committed rows); the worker is
stopped by SIGTERM to its main pid only (django-q2 hangs on a process-group signal).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import ApplicationFactory, UserFactory, make_cohort
from workflows.engine.actors import Actor
from workflows.notifications.models import OutboundEmail
from workflows.review.services import decide
from workflows.roles import COORDINATORS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

#: Generous: two shared CPUs, a cold interpreter. Not a timing assertion, a give-up point.
GIVE_UP_AFTER = 120


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def wait_for(condition, process) -> bool:
    deadline = time.monotonic() + GIVE_UP_AFTER
    while time.monotonic() < deadline:
        if condition():
            return True
        if process.poll() is not None:
            return False
        time.sleep(0.5)
    return False


def test_queued_email_is_sent_once_by_a_real_worker(tmp_path):
    from django_q.models import OrmQ, Success

    application = ApplicationFactory(cohort=make_cohort(), state="in_review")
    coordinator = UserFactory(groups=[COORDINATORS])
    decide(application, "accept", Actor(user=coordinator), message="Welcome aboard!")
    assert OrmQ.objects.count() == 1 and not OutboundEmail.objects.exists()

    log = (tmp_path / "qcluster.log").open("w")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "careersteps.settings.test",
        "DATABASE_URL": database_url(),
        "CAREERSTEPS_VAR_DIR": str(tmp_path / "var"),
    }
    worker = subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "qcluster"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        sent = wait_for(
            lambda: (
                OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT).exists()
                and not OrmQ.objects.exists()
            ),
            worker,
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        log.close()
    assert sent, (tmp_path / "qcluster.log").read_text()[-3000:]
    email = OutboundEmail.objects.get()
    assert email.to == application.person.email and email.attempts == 1
    assert "Welcome aboard!" in email.body_text
    assert (
        Success.objects.filter(func="workflows.notifications.tasks.notify_transition").count() == 1
    )
