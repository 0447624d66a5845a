"""A worker killed in the middle of sending an email: after django-q2's retry, the email goes
out exactly once and is marked sent (never left "sending", never reported done unsent).

Real processes: a qcluster whose email backend hangs on the first send is killed with SIGKILL
(the whole process group, as a crashed machine would), then a fresh qcluster starts; the
ORM broker redelivers the unacknowledged task after ``retry`` seconds and the send claim,
older than the task timeout, is taken over.
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

from tests.factories import ApplicationFactory, UserFactory, make_cohort
from tests.workflows.test_worker import database_url
from workflows.engine.actors import Actor
from workflows.notifications.models import OutboundEmail
from workflows.review.services import decide
from workflows.roles import COORDINATORS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

GIVE_UP_AFTER = 240


def start_cluster(tmp_path: Path, name: str) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.trust.worker_settings",
        "DATABASE_URL": database_url(),
        "CAREERSTEPS_VAR_DIR": str(tmp_path / "var"),
        "TRUST_HANG_FLAG": str(tmp_path / "hanging"),
        "TRUST_MAIL_DIR": str(tmp_path / "mail"),
    }
    return subprocess.Popen(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "qcluster"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        stdout=(tmp_path / f"{name}.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(condition, seconds: float = GIVE_UP_AFTER) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


def test_an_email_whose_worker_was_killed_is_sent_once_after_the_retry(tmp_path):
    from django_q.models import OrmQ

    application = ApplicationFactory(cohort=make_cohort(), state="in_review")
    decide(application, "accept", Actor(user=UserFactory(groups=[COORDINATORS])))
    first = start_cluster(tmp_path, "first")
    try:
        assert wait_for(lambda: (tmp_path / "hanging").exists()), "the send never started"
        assert OutboundEmail.objects.get().status == OutboundEmail.Status.SENDING
    finally:
        os.killpg(first.pid, signal.SIGKILL)
        first.wait()
    second = start_cluster(tmp_path, "second")
    try:
        sent = wait_for(
            lambda: (
                OutboundEmail.objects.filter(status=OutboundEmail.Status.SENT).exists()
                and not OrmQ.objects.exists()
            )
        )
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(second.pid, signal.SIGKILL)
            second.wait()
    assert sent, (tmp_path / "second.log").read_text()[-3000:]
    mails = list((tmp_path / "mail").glob("*"))
    assert len(mails) == 1  # exactly once
    assert OutboundEmail.objects.get().attempts == 1
