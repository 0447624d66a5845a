"""Staff sessions: a second factor before the admin, and sessions that end when idle.

``SecondFactorMiddleware``: a signed-in user opening the admin must have passed a second
factor in this session (django-otp's ``user.is_verified()``) when ``ACCOUNTS_REQUIRE_2FA`` is
on (production) or when they enrolled a device themselves; otherwise they are sent to enrol
(no device yet) or to enter a code. ``IdleSessionMiddleware``: a session unused for
``ACCOUNTS_IDLE_MINUTES`` is flushed (staff and portal alike), without writing the session
on every request (it notes the time at most once a minute).
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from accounts.two_factor import has_confirmed_device, second_factor_required

LAST_SEEN = "accounts_last_seen"
#: Paths a signed-in user may reach before the second factor (sign in/out, enrol, verify).
EXEMPT_NAMES = ("wagtailadmin_login", "wagtailadmin_logout", "accounts_two_factor")


def _exempt(path: str) -> bool:
    prefixes = [reverse("wagtailadmin_login"), reverse("wagtailadmin_logout")]
    prefixes.append(reverse("accounts_two_factor_verify").rsplit("verify/", 1)[0])
    return any(path.startswith(prefix) for prefix in prefixes)


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            request.path.startswith(reverse("wagtailadmin_home"))
            and user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not _exempt(request.path)
            and second_factor_required(user)
        ):
            name = (
                "accounts_two_factor_verify"
                if has_confirmed_device(user)
                else ("accounts_two_factor_setup")
            )
            return redirect(f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        session = getattr(request, "session", None)
        if session is not None and session.session_key:
            now = int(time.time())
            idle = int(getattr(settings, "ACCOUNTS_IDLE_MINUTES", 30)) * 60
            last = session.get(LAST_SEEN)
            if last is not None and now - int(last) > idle:
                session.flush()
                if hasattr(request, "user"):
                    from django.contrib.auth.models import AnonymousUser

                    request.user = AnonymousUser()
            elif last is None or now - int(last) >= 60:
                session[LAST_SEEN] = now
        return self.get_response(request)
