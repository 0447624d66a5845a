"""The workflow benchmark's own checks: an email written twice is seen, a configuration
whose services do not answer is skipped and said so, CPU time is read from /proc, the
applications are planned over cohorts of mentees and mentors; and a small run end to end
(40 applications over two cohorts, matched, every email sent once). No speed is asserted."""

from __future__ import annotations

import json
import os
import socket
import tempfile
from io import StringIO

import pytest
from django.core.mail import EmailMultiAlternatives
from django.core.management import CommandError, call_command
from django.test import override_settings

from bench import servers, workflow, workflow_configs
from bench.options import Options


def _send(to: str, subject: str) -> None:
    message = EmailMultiAlternatives(subject, "Dobrý den", "from@example.org", [to])
    message.attach_alternative("<p>Dobrý den</p>", "text/html")  # a random MIME boundary
    message.send()


def test_a_message_written_twice_has_the_same_digest(tmp_path):
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(tmp_path),
    ):
        _send("a@example.org", "Přijato")
        _send("b@example.org", "Přijato")
        _send("a@example.org", "Přijato")  # the same email again: sent twice
    digests = workflow._messages_in(tmp_path)
    assert len(digests) == 3
    assert len(set(digests)) == 2


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends


def test_configurations_without_their_services_are_skipped(monkeypatch):
    port = _closed_port()
    monkeypatch.setattr(
        workflow_configs, "POSTGRES", f"postgres://postgres@127.0.0.1:{port}/postgres"
    )
    monkeypatch.setattr(workflow_configs, "REDIS", f"redis://127.0.0.1:{port}/6")
    rows, skipped = workflow_configs.others(Options(repeat=1, workflow_count=5), "sqlite", "orm")
    assert rows == []
    assert skipped == ["postgresql.orm (no answer)", "postgresql.redis (no answer)"]


def test_the_configuration_a_child_ran_itself_is_not_run_again(monkeypatch):
    port = _closed_port()
    monkeypatch.setattr(
        workflow_configs, "POSTGRES", f"postgres://postgres@127.0.0.1:{port}/postgres"
    )
    _rows, skipped = workflow_configs.others(
        Options(repeat=1, workflow_count=5), "postgresql", "orm"
    )
    assert skipped == ["postgresql.redis (no answer)"]


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs /proc")
def test_cpu_seconds_of_this_process():
    sum(range(3_000_000))  # some CPU work
    assert servers.cpu_seconds(os.getpid()) > 0


def test_the_plan_fills_cohorts_with_mentees_and_mentors_in_turn():
    from bench.workflow_cohorts import Intakes

    intakes = Intakes(mentees=["a", "b", "c"], mentors=["x", "y"], size=20)
    plan = intakes.plan(45)
    assert [number for number, *_rest in plan] == list(range(45))
    assert [sum(1 for _n, c, *_r in plan if c == cohort) for cohort in range(3)] == [20, 20, 5]
    first = [(role, who) for _n, cohort, role, who in plan if cohort == 0]
    assert first[:6] == [
        ("mentee", 0),
        ("mentor", 0),
        ("mentee", 1),
        ("mentor", 1),
        ("mentee", 2),
        ("mentor", 0),
    ]
    assert sum(1 for role, _who in first if role == "mentee") == 10


@pytest.mark.django_db
def test_a_small_run_matches_and_sends_every_email_exactly_once(tmp_path, monkeypatch):
    """40 applications over two cohorts through the whole workflow with a real qcluster
    (the bench's throwaway database, migrated with the demo: a few minutes)."""
    from bench import workflow_cohorts

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setenv(workflow_configs.ONE, "1")  # this configuration only
    monkeypatch.setenv(workflow_cohorts.COHORT_SIZE, "20")
    monkeypatch.setenv(workflow.SUBMITTERS, "2")  # two forked submitters, each its connection
    out, err = StringIO(), StringIO()
    try:
        call_command(
            "bench",
            "--only",
            "workflow",
            "--workflow-count",
            "40",
            "--json",
            stdout=out,
            stderr=err,
        )
    except CommandError:
        pytest.fail(f"the workflow bench crashed:\n{err.getvalue()[-6000:]}")
    results = json.loads(out.getvalue())
    assert results["errors"] == []
    (row,) = results["rows"]
    notes = row["notes"]
    assert notes["applications"] == 40
    assert notes["cohorts"] == 2
    # Each cohort: 10 mentees and 10 mentors, capacity 7 per role; every fourth rejected.
    assert 0 < notes["pairs"] <= 14
    assert notes["approvals_refused"] == 0 and notes["matching_runs_refused"] == 0
    assert notes["match_emails_queued"] == notes["match_emails_sent"] == 2 * notes["pairs"]
    assert notes["emails_queued"] == notes["emails_sent"] >= 3 * 40 + 2 * notes["pairs"]
    assert notes["lost"] == 0
    assert notes["run_twice_to_effect"] == 0
    assert notes["failed_tasks"] == 0 and notes["queue_left"] == 0
    assert notes["messages_written"] >= notes["emails_sent"]
    assert notes["match_s"] > 0 and notes["submit_processes"] == 2
    assert list(tmp_path.iterdir()) == []  # the throwaway directory is gone


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs /proc")
def test_waiting_for_an_idle_process_returns_once_it_is_idle():
    import subprocess
    import sys

    busy = subprocess.Popen(  # noqa: S603 - this interpreter, a fixed program
        [
            sys.executable,
            "-c",
            "import time\nt=time.time()\nwhile time.time()-t<1.5: pass\ntime.sleep(30)",
        ]
    )
    try:
        waited = servers.wait_until_idle(busy.pid, timeout=20, interval=0.3)
        assert 1.0 < waited < 20  # it waited through the busy second, not for the timeout
    finally:
        busy.kill()
        busy.wait()
