"""The load test's parts without running a load: the plan the preparation writes, the
complete application a client builds from it (accepted by the real form view, CSRF checks on),
the staff's TOTP codes (accepted by django-otp), the forms read back from admin HTML, and the
locustfile importing with its user classes (in a child process, skipped without locust).

Locust patches the standard library with gevent when imported, so it is never imported into
the test process; the child process imports the locustfile as ``locust -f`` does.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from applications.models import Application
from loadtest import client
from tests.applications.conftest import accept_received

pytestmark = pytest.mark.django_db


def test_the_plan_names_forms_staff_and_public_pages_in_three_languages(plan):
    assert sorted(plan["forms"]) == ["cs", "de", "en"]
    assert len(set(plan["forms"].values())) == 3
    assert Path(plan["cv"]).read_bytes().startswith(b"%PDF")
    assert plan["staff"]["reviewers"] and plan["staff"]["coordinators"]
    assert sorted(plan["public"]) == ["cs", "de", "en"]
    json.dumps(plan)  # what the clients read is plain JSON


@pytest.mark.parametrize("number", [1, 2, 3])
def test_a_clients_submission_is_accepted_by_the_form_in_each_language(plan, number):
    browser = Client(enforce_csrf_checks=True, REMOTE_ADDR=client.applicant_address(number))
    url = plan["forms"][client.form_language(plan, number)]
    page = browser.get(url)
    token = client.csrf_token(page.content.decode())
    assert page.status_code == 200 and token

    fields = client.submission(plan, number)
    fields["csrfmiddlewaretoken"] = [token]
    with open(plan["cv"], "rb") as cv:
        response = browser.post(url, {**fields, "cv": cv})

    assert response.status_code == 302, response.content.decode()[:2000]
    assert "submitted=1" in response["Location"]
    assert browser.get(response["Location"]).status_code == 200
    assert accept_received() == 1  # what the worker does next
    stored = Application.objects.get(person__email=client.applicant_email(number))
    assert stored.person.full_name == f"Load Applicant {number}"


def test_staff_totp_codes_are_the_ones_django_otp_accepts(plan):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    account = plan["staff"]["coordinators"][0]
    device = TOTPDevice.objects.get(user__username=account["username"])
    assert device.verify_token(client.totp(account["totp_key"]))
    assert not device.verify_token(client.totp(account["totp_key"], at=0))


def test_staff_sign_in_with_password_and_code_reaches_the_admin(plan):
    account = plan["staff"]["reviewers"][0]
    browser = Client(enforce_csrf_checks=True)
    login = browser.get("/admin/login/")
    response = browser.post(
        "/admin/login/",
        {
            "username": account["username"],
            "password": account["password"],
            "csrfmiddlewaretoken": client.csrf_token(login.content.decode()),
            "next": "/admin/",
        },
        follow=True,
    )
    verify = response.redirect_chain[-1][0]
    assert "two-factor/verify" in verify
    response = browser.post(
        verify,
        {
            "code": client.totp(account["totp_key"]),
            "csrfmiddlewaretoken": client.csrf_token(response.content.decode()),
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0].rstrip("/").endswith("/admin")
    assert browser.get("/admin/reviews/mine/").status_code == 200


def test_forms_are_read_back_and_filled_as_a_person_would():
    page = """
    <form method="post" action="/x/"><input type="hidden" name="action" value="decide">
      <input type="hidden" name="csrfmiddlewaretoken" value="t0k">
      <input type="radio" name="decision" value="accept"><input type="radio" name="decision"
      value="reject"><textarea name="message"></textarea>
      <input type="checkbox" name="email_applicant"><select name="reviewer">
      <option value="">---</option><option value="7">A</option></select>
      <input type="text" name="due_on" value=""><button name="go" value="1">Go</button></form>
    <form method="post"><input type="hidden" name="action" value="assign"></form>"""
    form = client.form_with(page, "action", "decide")
    assert form is not None and form.has_button("go", "1")
    assert form.filled(choose={"decision": "reject"}, text="Hi") == {
        "action": "decide",
        "csrfmiddlewaretoken": "t0k",
        "decision": "reject",
        "message": "Hi",
        "email_applicant": "on",
        "reviewer": "7",
        "due_on": "",
    }
    assert client.form_with(page, "action", "withdraw") is None
    assert client.csrf_token(page) == "t0k"


def test_the_locustfile_imports_with_its_people(plan, tmp_path):
    if importlib.util.find_spec("locust") is None:
        pytest.skip("locust is not installed (pip install -e '.[load]')")
    plan_file = tmp_path / "plan.json"
    plan_file.write_text(json.dumps(plan))
    probe = (
        "import json, loadtest.locustfile as f\n"
        "print(json.dumps({c.__name__: c.fixed_count for c in "
        "(f.Applicant, f.Reviewer, f.Coordinator, f.Visitor)}))"
    )
    repository = Path(__file__).resolve().parents[2]
    done = subprocess.run(  # noqa: S603 - this interpreter, a fixed probe
        [sys.executable, "-c", probe],
        env={
            **os.environ,
            "LOADTEST_PLAN": str(plan_file),
            "LOADTEST_APPLICANTS": "200",
            "PYTHONPATH": f"{repository / 'site'}:{repository}",
        },
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    counts = json.loads(done.stdout.strip().splitlines()[-1])
    assert counts == {
        "Applicant": 200,
        "Reviewer": len(plan["staff"]["reviewers"]),
        "Coordinator": len(plan["staff"]["coordinators"]),
        "Visitor": 20,
    }
