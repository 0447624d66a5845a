"""Every limit in one place: the figure a row's median must not exceed, and why.

Keys are row names or ``fnmatch`` patterns (the first match wins, so put exact names first).
Limits are for the pilot's scale on a small 2-core server; a SLOW row is a figure to look at,
not a failure, unless the run asked for ``--fail-slow``.
"""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase


@dataclass(frozen=True)
class Limit:
    median_ms: float
    reason: str


LIMITS: dict[str, Limit] = {
    "page.*": Limit(250, "a public page must feel instant without a page cache"),
    "api.pages.list.de": Limit(250, "a headless client lists a language's pages per view"),
    "api.pages.detail": Limit(150, "one page's JSON is fetched on every client navigation"),
    "ical.feed": Limit(250, "calendar apps poll the feed; it must stay cheap"),
    "form.get": Limit(300, "the application form is the page applicants land on"),
    "form.submit": Limit(500, "validation, PDF check, the answers and CV stored in one request"),
    "form.accept": Limit(
        500, "the worker: person, application, consent, history, outbox in one transaction"
    ),
    "portal.dashboard": Limit(250, "applicants check their status here repeatedly"),
    "review.decision": Limit(100, "a coordinator decides dozens in one sitting (batch)"),
    "review.export.xlsx": Limit(2000, "the whole intake as a spreadsheet, a few times a week"),
    "outbox.send": Limit(50, "the worker sends every email through this path"),
    "pdf.render": Limit(1000, "agreements are rendered in the worker, but not minutes each"),
    "agreement.render": Limit(
        1000, "per agreement, in the worker; its notes compare it with WeasyPrint alone (<= 1.2)"
    ),
    "agreement.seal": Limit(1100, "render plus seal per agreement; the seal alone (notes) < 50 ms"),
    "matching.pilot": Limit(1000, "a coordinator re-runs the pilot-size matching while waiting"),
    "matching.large": Limit(10_000, "2,000 mentees × 1,000 mentors on 2 cores (issue 8 target)"),
    # http: median latency under load (32 connections); throughput targets are ratios to the
    # bare Django view (bench/http.py: cached >= 0.70, uncached >= 0.15, >= 100 submissions/s).
    "http.page.cached": Limit(100, "a cached page: the server's own cost, near a bare view"),
    "http.page.uncached": Limit(1000, "a rendered page under 32 concurrent visitors"),
    "http.events": Limit(1000, "the event index as visitors get it (page cache on)"),
    "http.api.pages": Limit(1000, "headless clients under load; the API is never page-cached"),
    "http.submit": Limit(2000, "50 applicants submitting with a CV at the same moment"),
    # workflow: milliseconds per application for the whole workflow, end to end.
    "workflow.*": Limit(
        60,
        "10,000 applications through submit, review, decision, matching and emails in 10 minutes",
    ),
}


def limit_for(name: str) -> Limit:
    """The limit for row ``name``; a row without one is a defect, so this raises KeyError."""
    for pattern, limit in LIMITS.items():
        if fnmatchcase(name, pattern):
            return limit
    raise KeyError(f"no limit defined for benchmark row {name!r} in bench/limits.py")
