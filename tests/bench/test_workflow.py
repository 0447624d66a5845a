"""The workflow benchmark's own checks: an email written twice is seen, a configuration
whose services do not answer is skipped and said so, CPU time is read from /proc."""

from __future__ import annotations

import os
import socket

import pytest
from django.core.mail import EmailMultiAlternatives
from django.test import override_settings

from bench import workflow, workflow_configs
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
    assert workflow._cpu_seconds(os.getpid()) > 0
