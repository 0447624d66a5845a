"""Test helpers for a worker killed mid-send: an email backend that hangs on its first send,
and the settings a child qcluster uses to load it."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.core.mail.backends.filebased import EmailBackend


class HangOnceBackend(EmailBackend):
    """Writes emails to files; the first send ever (per flag file) hangs, as a send does when
    its worker is killed in the middle of it."""

    def send_messages(self, email_messages):
        flag = Path(os.environ["TRUST_HANG_FLAG"])
        if not flag.exists():
            flag.write_text("hanging")
            time.sleep(600)
        return super().send_messages(email_messages)
