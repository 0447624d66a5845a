"""Second factors for staff, with django-otp: a TOTP app, and ten single-use recovery codes.

Enrolment makes an unconfirmed TOTP device, shows its key (QR code and text), and confirms it
when the person types a current code; only then are the recovery codes made and shown, once.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


def second_factor_required(user: Any) -> bool:
    """Always in production (``ACCOUNTS_REQUIRE_2FA``); elsewhere once the user enrolled."""
    return bool(getattr(settings, "ACCOUNTS_REQUIRE_2FA", False)) or has_confirmed_device(user)


def fully_signed_in(user: Any) -> bool:
    """Signed in and past the second factor wherever one is required. Views outside /admin/
    that trust a staff account (CV downloads) ask this: the middleware only guards /admin/,
    so a password alone must not open there what the admin would not."""
    if user is None or not user.is_authenticated:
        return False
    return not second_factor_required(user) or bool(getattr(user, "is_verified", bool)())


def has_confirmed_device(user: Any) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))


def pending_totp_device(user: Any) -> TOTPDevice:
    """The user's unconfirmed TOTP device (made once, reused until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    return device


def confirm_totp(device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm ``device`` with a current code; returns new recovery codes, or None."""
    if not device.verify_token(token.strip().replace(" ", "")):
        return None
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return new_recovery_codes(device.user)


def new_recovery_codes(user: Any) -> list[str]:
    """Replace the user's recovery codes with ten fresh ones (each works once)."""
    static, _created = StaticDevice.objects.get_or_create(user=user, name="recovery")
    static.token_set.all().delete()
    codes = [secrets.token_hex(5) for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes


def verify(user: Any, token: str):
    """The confirmed device that accepts ``token`` (TOTP code or recovery code), or None.

    Six digits go to the authenticator devices only, anything else to the recovery codes:
    django-otp slows a device down after each failure, and a mistyped code should not slow
    down the other kind.
    """
    token = token.strip().replace(" ", "")
    if not token:
        return None
    kind = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
    for device in devices_for_user(user, confirmed=True):
        if isinstance(device, kind) and device.verify_token(token):
            return device
    return None
