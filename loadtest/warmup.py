"""Warm the server up before the run: every gunicorn worker imports the site's URL
configuration, Wagtail's hooks and the templates on its first requests, which on a loaded
2-core machine takes tens of seconds; the load run measures the server as it runs, not its
start. Each page the clients use is fetched a few times, two at a time (so both workers
answer), and any answer but 200 stops the run before it starts.

``python -m loadtest.warmup BASE_URL PLAN_JSON``
"""

from __future__ import annotations

import sys
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from loadtest.client import load_plan

ROUNDS = 3


def _get(url: str) -> tuple[str, int]:
    with urllib.request.urlopen(url, timeout=300) as response:  # noqa: S310 - our loopback URL
        response.read()
        return url, response.status


def warm_up(base: str, plan: dict) -> list[tuple[str, int]]:
    paths = [*plan["forms"].values(), "/admin/login/"]
    for urls in plan["public"].values():
        paths += urls[:3]
    urls = [base.rstrip("/") + path for path in paths for _ in range(ROUNDS)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(_get, urls))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m loadtest.warmup BASE_URL PLAN_JSON", file=sys.stderr)
        return 2
    answers = warm_up(argv[0], load_plan(argv[1]))
    bad = [(url, status) for url, status in answers if status != 200]
    for url, status in bad:
        print(f"warm-up: {url} answered {status}", file=sys.stderr)
    print(f"warm-up: {len(answers)} requests, {len(bad)} not 200")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
