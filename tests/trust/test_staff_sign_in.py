"""Staff sign-in: throttled and logged failures, a second factor, idle sessions that end."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth import SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.middleware import LAST_SEEN
from tests.factories import UserFactory
from workflows.roles import COORDINATORS, EDITORS

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def coordinator(db):
    user = UserFactory(username="coord", groups=[COORDINATORS])
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, username, password, ip="192.0.2.50"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def current_code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits):06d}"


def test_a_hundred_wrong_passwords_then_the_right_one_does_not_sign_in(client, coordinator):
    for _ in range(100):
        sign_in(client, "coord", "wrong password")
    response = sign_in(client, "coord", PASSWORD)
    assert SESSION_KEY not in client.session
    assert response.status_code == 429


def test_failures_from_one_network_lock_that_network_for_other_accounts(client, coordinator):
    for number in range(5):
        sign_in(client, f"guess{number}", "wrong", ip="198.51.100.9")
    sign_in(client, "coord", PASSWORD, ip="198.51.100.9")
    assert SESSION_KEY not in client.session


def test_failed_sign_ins_are_recorded(client, coordinator):
    from axes.models import AccessAttempt

    sign_in(client, "coord", "wrong")
    assert AccessAttempt.objects.filter(username="coord").exists()


def test_in_production_staff_without_a_second_factor_cannot_reach_the_admin(
    client, coordinator, settings
):
    settings.ACCOUNTS_REQUIRE_2FA = True
    assert sign_in(client, "coord", PASSWORD).status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")
    assert client.get("/admin/pages/").status_code == 302


def test_enrolling_a_device_opens_the_admin_and_gives_recovery_codes(client, coordinator, settings):
    settings.ACCOUNTS_REQUIRE_2FA = True
    sign_in(client, "coord", PASSWORD)
    assert client.get("/admin/two-factor/setup/").status_code == 200
    device = TOTPDevice.objects.get(user=coordinator)
    response = client.post("/admin/two-factor/setup/", {"code": current_code(device)})
    assert response.status_code == 200
    assert response.content.decode().count("<code>") == 10
    assert client.get("/admin/").status_code == 200


def test_a_second_session_needs_the_code_and_a_recovery_code_works_once(
    client, coordinator, settings
):
    from accounts.two_factor import new_recovery_codes

    settings.ACCOUNTS_REQUIRE_2FA = True
    TOTPDevice.objects.create(user=coordinator, name="app", confirmed=True)
    codes = new_recovery_codes(coordinator)
    sign_in(client, "coord", PASSWORD)
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")
    wrong = client.post("/admin/two-factor/verify/", {"code": "000000"})
    assert "not valid" in wrong.content.decode()
    assert client.post("/admin/two-factor/verify/", {"code": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    sign_in(client, "coord", PASSWORD)
    reused = client.post("/admin/two-factor/verify/", {"code": codes[0]})
    assert reused.status_code == 200  # used up
    assert client.get("/admin/").status_code == 302


def test_without_the_production_setting_an_unenrolled_user_goes_straight_in(client, settings):
    settings.ACCOUNTS_REQUIRE_2FA = False
    editor = UserFactory(username="ed", groups=[EDITORS])
    editor.set_password(PASSWORD)
    editor.save()
    sign_in(client, "ed", PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_an_idle_session_ends(client, coordinator, settings):
    settings.ACCOUNTS_IDLE_MINUTES = 30
    sign_in(client, "coord", PASSWORD)
    assert client.get("/admin/").status_code == 200
    session = client.session
    session[LAST_SEEN] = int(time.time()) - 31 * 60
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert SESSION_KEY not in client.session


def test_failures_from_a_strangers_network_do_not_lock_the_account_elsewhere(client, coordinator):
    """Per-username lockout would let anyone lock a coordinator out for 15 minutes."""
    for _ in range(10):
        sign_in(client, "coord", "wrong", ip="203.0.113.66")
    locked = sign_in(client, "coord", PASSWORD, ip="203.0.113.66")
    assert locked.status_code == 429
    assert SESSION_KEY not in client.session
    response = sign_in(client, "coord", PASSWORD, ip="192.0.2.10")
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(coordinator.pk)


def test_every_failure_from_any_network_is_logged(client, coordinator):
    from axes.models import AccessFailureLog

    sign_in(client, "coord", "wrong", ip="203.0.113.66")
    sign_in(client, "coord", "wrong", ip="192.0.2.10")
    assert set(
        AccessFailureLog.objects.filter(username="coord").values_list("ip_address", flat=True)
    ) == {"203.0.113.66", "192.0.2.10"}
