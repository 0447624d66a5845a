"""Reading the emails the running site and worker wrote with Django's filebased backend.

Each ``send_messages`` call writes one ``.log`` file holding one or more RFC 5322 messages,
each followed by a line of 79 dashes.
"""

from __future__ import annotations

import email
import email.policy
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SEPARATOR = b"-" * 79


@dataclass
class SentMail:
    to: list[str]
    subject: str
    body: str
    html: str | None
    language: str | None
    path: Path

    def links(self) -> list[str]:
        return re.findall(r"https?://[^\s<>\"']+", self.body)


def read_mail(mail_dir: Path) -> list[SentMail]:
    """Every message in the directory, oldest file first."""
    messages: list[SentMail] = []
    if not mail_dir.exists():
        return messages
    for path in sorted(mail_dir.glob("*.log"), key=lambda p: p.stat().st_mtime):
        for chunk in path.read_bytes().split(SEPARATOR):
            if not chunk.strip():
                continue
            message = email.message_from_bytes(chunk.strip(b"\n"), policy=email.policy.default)
            plain = message.get_body(preferencelist=("plain",))
            html = message.get_body(preferencelist=("html",))
            messages.append(
                SentMail(
                    to=[a.strip() for a in str(message.get("To", "")).split(",") if a.strip()],
                    subject=str(message.get("Subject", "")),
                    body=plain.get_content() if plain is not None else "",
                    html=html.get_content() if html is not None else None,
                    language=message.get("Content-Language"),
                    path=path,
                )
            )
    return messages


def wait_for_mail(
    mail_dir: Path,
    to: str,
    *,
    count: int = 1,
    timeout: float = 60,
    matching: Callable[[SentMail], bool] | None = None,
) -> list[SentMail]:
    """Wait for the worker to send ``count`` messages to ``to`` (that satisfy ``matching``);
    fail after ``timeout`` seconds.

    The worker polls its queue, so mail arrives some time after the request that queued it;
    waiting up to a deadline is the only way to observe it (no assertion is made on time).
    """
    deadline = time.monotonic() + timeout
    while True:
        found = [
            m
            for m in read_mail(mail_dir)
            if any(to.lower() in a.lower() for a in m.to) and (matching is None or matching(m))
        ]
        if len(found) >= count:
            return found
        if time.monotonic() > deadline:
            everything = [(m.to, m.subject) for m in read_mail(mail_dir)]
            raise AssertionError(
                f"no {count} email(s) to {to} within {timeout} s; mail dir holds: {everything}"
            )
        time.sleep(0.25)
