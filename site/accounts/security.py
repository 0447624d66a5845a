"""Hooks for django-axes: failed staff sign-ins counted per account and per requester IP."""

from __future__ import annotations


def axes_client_ip(request) -> str | None:
    """The requester's address by the access layer's one rule (trusted proxies only)."""
    from accounts.throttle import requester_ip

    return requester_ip(request)
