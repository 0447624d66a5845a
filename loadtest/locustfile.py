"""The load test's people, for locust (run by ``bin/loadtest``; see README, "Load test").

- ``Applicant`` (200 by default, ``LOADTEST_APPLICANTS``): each its own address and email,
  coming from its own client address (X-Forwarded-For, believed from the loopback proxy as
  ``TRUSTED_PROXIES`` says); opens the mentee form in Czech, German or English, takes a few
  seconds to fill it in, posts the complete application with a PDF CV and the CSRF token,
  follows the redirect to the confirmation, and leaves. Each accepted submission (a 302 to
  ``?submitted=1``) is noted by its address; ``bin/loadtest`` compares them with the database.
- ``Reviewer``: signs in through the real admin sign-in with password and TOTP code, then
  opens "My reviews", an assigned application with its CV, and submits the rubric.
- ``Coordinator``: signs in the same way, then looks at the intake dashboard, the
  applications listing, an application and its CV; assigns a reviewer to applications that
  need one and decides those that are ready (each coordinator takes every n-th application,
  so two never decide the same one).
- ``Visitor``: anonymous, browses public pages in Czech, German and English.

Every request is named by what it is (``application POST``, ``review POST`` ...), so locust's
table gives p95 latency per kind. No Django here: the clients speak HTTP only.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from pathlib import Path
from urllib.parse import urljoin

from locust import HttpUser, between, constant, events, task
from locust.exception import StopUser

from loadtest.client import (
    applicant_address,
    applicant_email,
    csrf_token,
    file_links,
    form_language,
    form_with,
    ids,
    load_plan,
    queue_link,
    staff_address,
    submission,
    totp,
    visitor_address,
)

PLAN = load_plan(os.environ["LOADTEST_PLAN"])
CV = Path(PLAN["cv"]).read_bytes()
RESULTS = os.environ.get("LOADTEST_RESULTS", "")
#: Seconds an applicant spends on the form between opening it and sending it (at most).
THINK = float(os.environ.get("LOADTEST_THINK_SECONDS", "10"))
TIMEOUT = 600  # seconds: a queued request on a loaded server is slow, not failed

#: What the clients saw: accepted submissions by address, and staff work done.
ACCEPTED: list[str] = []
DONE: dict[str, int] = {"assigned": 0, "reviewed": 0, "decided": 0, "sign_ins": 0}
#: From the first application POST sent to the last one answered (for submissions per second).
SUBMIT_WINDOW: list[float] = []
STAFF_COUNT = len(PLAN["staff"]["reviewers"]) + len(PLAN["staff"]["coordinators"])
STAFF_HEAD_START = float(os.environ.get("LOADTEST_STAFF_HEAD_START", "120"))
_applicants = itertools.count(1)
_visitors = itertools.count(1)
_staff = itertools.count(0)
_reviewers = itertools.count(0)
_coordinators = itertools.count(0)


@events.quitting.add_listener
def _write_results(environment, **_kwargs) -> None:
    if RESULTS:
        Path(RESULTS).write_text(
            json.dumps(
                {
                    "accepted": ACCEPTED,
                    "done": DONE,
                    "submit_window": [min(SUBMIT_WINDOW), max(SUBMIT_WINDOW)]
                    if SUBMIT_WINDOW
                    else None,
                },
                indent=2,
            )
        )


def _fail(response, why: str) -> None:
    response.failure(f"{why} (HTTP {response.status_code} at {response.url})")


class Applicant(HttpUser):
    fixed_count = int(os.environ.get("LOADTEST_APPLICANTS", "200"))
    wait_time = constant(0)

    def on_start(self) -> None:
        self.number = next(_applicants)
        self.client.headers["X-Forwarded-For"] = applicant_address(self.number)
        # Staff are at work when applications arrive: wait until they have signed in (at
        # most STAFF_HEAD_START seconds), or their sign-in queues behind 200 applicants'.
        deadline = time.monotonic() + STAFF_HEAD_START
        while DONE["sign_ins"] < STAFF_COUNT and time.monotonic() < deadline:
            time.sleep(0.5)

    @task
    def apply(self) -> None:
        url = PLAN["forms"][form_language(PLAN, self.number)]
        with self.client.get(
            url, name="form GET", catch_response=True, timeout=TIMEOUT
        ) as response:
            token = csrf_token(response.text)
            if response.status_code != 200 or not token:
                _fail(response, "no form with a CSRF token")
                raise StopUser
        time.sleep(random.uniform(0, THINK))  # filling in the form (gevent-friendly)
        fields = submission(PLAN, self.number)
        fields["csrfmiddlewaretoken"] = [token]
        SUBMIT_WINDOW.append(time.time())
        with self.client.post(
            url,
            data=fields,
            files={"cv": ("cv.pdf", CV, "application/pdf")},
            allow_redirects=False,
            name="application POST",
            catch_response=True,
            timeout=TIMEOUT,
        ) as response:
            SUBMIT_WINDOW.append(time.time())
            location = response.headers.get("Location", "")
            if response.status_code == 302 and "submitted=1" in location:
                ACCEPTED.append(applicant_email(self.number))
                response.success()
            else:
                _fail(response, f"not accepted: {response.text[:200]!r}")
                raise StopUser
        with self.client.get(
            urljoin(url, location), name="confirmation GET", catch_response=True, timeout=TIMEOUT
        ) as response:
            if response.status_code != 200:
                _fail(response, "no confirmation page")
        raise StopUser


class Staff(HttpUser):
    """Signs in through the real pages: password, then the TOTP code of its own device."""

    abstract = True
    wait_time = between(1, 3)
    kind = ""
    share = 1  # how many of this kind there are (each takes every n-th application)

    def on_start(self) -> None:
        self.client.headers["X-Forwarded-For"] = staff_address(next(_staff))
        self.index = next(_reviewers if self.kind == "reviewers" else _coordinators)
        account = PLAN["staff"][self.kind][self.index % len(PLAN["staff"][self.kind])]
        self.sign_in(account)

    def sign_in(self, account: dict[str, str]) -> None:
        login = "/admin/login/"
        page = self.client.get(login, name="sign-in GET", timeout=TIMEOUT)
        with self.client.post(
            login,
            data={
                "username": account["username"],
                "password": account["password"],
                "csrfmiddlewaretoken": csrf_token(page.text) or "",
                "next": "/admin/",
            },
            name="sign-in POST",
            catch_response=True,
            timeout=TIMEOUT,
        ) as response:
            # Followed to the second factor's page (the password alone is not enough).
            token = csrf_token(response.text)
            if "two-factor/verify" not in response.url or not token:
                _fail(response, "the password did not lead to the second factor")
                raise StopUser
            verify = response.url
        with self.client.post(
            verify,
            data={"code": totp(account["totp_key"]), "csrfmiddlewaretoken": token},
            name="second factor POST",
            catch_response=True,
            timeout=TIMEOUT,
        ) as response:
            if response.status_code != 200 or not response.url.rstrip("/").endswith("/admin"):
                _fail(response, "the TOTP code did not sign in")
                raise StopUser
        DONE["sign_ins"] += 1

    def page(self, url: str, name: str) -> str | None:
        """GET an admin page as this signed-in person; a failure unless it is that page."""
        with self.client.get(url, name=name, catch_response=True, timeout=TIMEOUT) as response:
            if response.status_code != 200:
                _fail(response, "not shown")
                return None
            if "/admin/login/" in response.url or "two-factor" in response.url:
                _fail(response, "signed out")
                return None
            return response.text

    def post(self, url: str, data: dict[str, str], name: str) -> bool:
        """POST a form; success is the redirect a saved form answers with."""
        with self.client.post(
            url,
            data=data,
            name=name,
            allow_redirects=False,
            catch_response=True,
            timeout=TIMEOUT,
        ) as response:
            if response.status_code == 302:
                return True
            _fail(response, "the form was not accepted")
            return False

    def pdf(self, url: str, name: str) -> None:
        with self.client.get(url, name=name, catch_response=True, timeout=TIMEOUT) as response:
            if response.status_code != 200 or not response.content.startswith(b"%PDF"):
                _fail(response, "not the PDF CV")

    def mine(self, numbers: list[int]) -> list[int]:
        count = len(PLAN["staff"][self.kind])
        return [n for n in numbers if n % count == self.index % count]


#: "My reviews" links each open assignment as a button (the reviewed ones as plain links).
OPEN_ASSIGNMENT = r'class="button button-small" href="/admin/reviews/assignment/(\d+)/"'


class Reviewer(Staff):
    fixed_count = len(PLAN["staff"]["reviewers"])
    kind = "reviewers"

    @task
    def review_one(self) -> None:
        listing = self.page("/admin/reviews/mine/", "my reviews GET")
        if listing is None:
            return
        open_ones = ids(listing, OPEN_ASSIGNMENT)
        if not open_ones:
            return
        url = f"/admin/reviews/assignment/{open_ones[0]}/"
        page = self.page(url, "review page GET")
        if page is None:
            return
        for cv in ids(page, rf"/admin/reviews/assignment/{open_ones[0]}/cv/(\d+)/")[:1]:
            self.pdf(f"{url}cv/{cv}/", "CV GET (reviewer)")
        form = form_with(page, "action", "review")
        if form is None:
            return
        time.sleep(random.uniform(1, 3))  # reading and scoring
        data = form.filled(choose={"recommendation": "accept"}, text="Load test: clear goals.")
        data["action"] = "review"
        if self.post(url, data, "review POST"):
            DONE["reviewed"] += 1


class Coordinator(Staff):
    fixed_count = len(PLAN["staff"]["coordinators"])
    kind = "coordinators"

    @task(2)
    def look_around(self) -> None:
        self.page("/admin/intake/", "intake dashboard GET")
        listing = self.page("/admin/applications/", "applications listing GET")
        if listing is None:
            return
        found = ids(listing, r"/admin/applications/inspect/(\d+)/")
        if not found:
            return
        inspect = self.page(
            f"/admin/applications/inspect/{random.choice(found[:20])}/", "application inspect GET"
        )
        if inspect is None:
            return
        for href in file_links(inspect)[:1]:
            self.pdf(href, "CV GET (coordinator)")

    def queue(self, key: str) -> list[int]:
        dashboard = self.page("/admin/intake/", "intake dashboard GET")
        link = queue_link(dashboard or "", key)
        if link is None:
            return []
        listing = self.page(link, f"queue {key} GET")
        return self.mine(ids(listing or "", r"/admin/applications/inspect/(\d+)/"))

    @task(2)
    def assign(self) -> None:
        for pk in self.queue("needs_reviewers")[:2]:
            url = f"/admin/reviews/application/{pk}/"
            page = self.page(url, "application reviews GET")
            form = form_with(page or "", "action", "assign")
            if form is None:
                continue
            data = form.filled()
            if data.get("reviewer") and self.post(url, data, "assign POST"):
                DONE["assigned"] += 1

    @task(1)
    def decide(self) -> None:
        for pk in self.queue("ready_to_decide")[:1]:
            url = f"/admin/reviews/application/{pk}/"
            page = self.page(url, "application reviews GET")
            form = form_with(page or "", "action", "decide")
            if form is None:
                continue
            time.sleep(random.uniform(1, 2))  # weighing the reviews
            decision = random.choice(["accept", "accept", "waitlist", "reject"])
            data = form.filled(choose={"decision": decision}, text="Load test decision.")
            if self.post(url, data, "decide POST"):
                DONE["decided"] += 1


class Visitor(HttpUser):
    fixed_count = int(os.environ.get("LOADTEST_VISITORS", "20"))
    wait_time = between(1, 4)

    def on_start(self) -> None:
        self.client.headers["X-Forwarded-For"] = visitor_address(next(_visitors))
        self.language = random.choice(sorted(PLAN["public"]))

    @task
    def browse(self) -> None:
        url = random.choice(PLAN["public"][self.language])
        self.client.get(url, name=f"public page GET ({self.language})", timeout=TIMEOUT)
        if random.random() < 0.2:
            self.language = random.choice(sorted(PLAN["public"]))
