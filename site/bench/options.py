"""What every benchmark group receives, and the shared test client."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.test import Client


@dataclass(frozen=True)
class Options:
    repeat: int
    limit_scale: float = 1.0
    #: ``http`` group: seconds of load per row.
    http_seconds: float = 5.0
    #: ``workflow`` group: applications taken through the whole workflow.
    workflow_count: int = 10_000


def client() -> Client:
    """A Django test client: real URL routing and the full middleware stack, no socket."""
    return Client()


def get_ok(browser: Client, url: str, **extra: Any):
    """GET ``url`` and insist on 200: a benchmark of an error page measures nothing."""
    response = browser.get(url, **extra)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}, not 200")
    return response
