"""Enrol a second factor and pass it: pages shown between the password and the admin."""

from __future__ import annotations

import logging

import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login

from accounts import two_factor
from accounts.forms import CodeForm
from accounts.throttle import allow

logger = logging.getLogger("accounts.security")


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    from django.urls import reverse

    return reverse("wagtailadmin_home")


def _codes_allowed(request: HttpRequest) -> bool:
    """Ten code attempts per account per 15 minutes: a code is only six digits."""
    from datetime import timedelta

    return allow("2fa", str(request.user.pk), limit=10, window=timedelta(minutes=15))


@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    if not two_factor.has_confirmed_device(request.user):
        return redirect("accounts_two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not _codes_allowed(request):
            form.add_error("code", _("Too many attempts. Please wait a few minutes."))
        elif (device := two_factor.verify(request.user, form.cleaned_data["code"])) is not None:
            otp_login(request, device)
            return redirect(_next(request))
        else:
            logger.warning("Wrong second-factor code for user %s", request.user.pk)
            form.add_error("code", _("This code is not valid. Please try again."))
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)}
    )


@never_cache
def setup(request: HttpRequest) -> HttpResponse:
    if request.user.is_verified():
        return redirect(_next(request))
    if two_factor.has_confirmed_device(request.user):
        return redirect("accounts_two_factor_verify")
    device = two_factor.pending_totp_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = two_factor.confirm_totp(device, form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            messages.success(request, _("Two-factor sign-in is on."))
            return render(
                request,
                "accounts/two_factor_codes.html",
                {"codes": codes, "next": _next(request)},
            )
        form.add_error("code", _("This code is not valid. Please try again."))
    qr = segno.make(device.config_url, micro=False)
    context = {
        "form": form,
        "next": _next(request),
        "qr_svg": qr.svg_inline(scale=4, title=_("QR code for your authenticator app")),
        "secret": _b32(device),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _b32(device) -> str:
    import base64

    return base64.b32encode(device.bin_key).decode().rstrip("=")
