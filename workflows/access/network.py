"""Where a request comes from: the one client-IP rule for the audit history and rate limits.

``X-Forwarded-For`` is only believed when the connection itself comes from a proxy listed in
``settings.TRUSTED_PROXIES`` (addresses or networks); otherwise any client could write
whatever it likes into the history or rotate it to escape a rate limit. Only a syntactically
valid IP address is ever returned: ``not-an-ip <script>`` becomes ``None``.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def _networks(proxies: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(p.strip(), strict=False) for p in proxies if p.strip())


def trusted_proxies() -> tuple[Network, ...]:
    """The configured proxies as networks (``TRUSTED_PROXIES``: a list or a comma string)."""
    value = getattr(settings, "TRUSTED_PROXIES", ()) or ()
    if isinstance(value, str):
        value = value.split(",")
    return _networks(tuple(value))


def valid_ip(value: str | None) -> str | None:
    """``value`` normalised if it is an IP address, else ``None``."""
    try:
        return str(ipaddress.ip_address((value or "").strip()))
    except ValueError:
        return None


def _is_trusted(address: str | None, proxies: tuple[Network, ...]) -> bool:
    if address is None:
        return False
    ip = ipaddress.ip_address(address)
    return any(ip in network for network in proxies)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: ``REMOTE_ADDR``, or, when that is a trusted proxy, the nearest
    ``X-Forwarded-For`` entry (from the right) that is not itself a trusted proxy. Each proxy
    appends the address it saw, so entries left of the first untrusted one are the client's
    own claims and are ignored."""
    remote = valid_ip(request.META.get("REMOTE_ADDR"))
    proxies = trusted_proxies()
    if not proxies or not _is_trusted(remote, proxies):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for entry in reversed([part for part in forwarded if part]):
        address = valid_ip(entry)
        if address is None:
            return remote  # a garbled chain: trust only what we saw ourselves
        if not _is_trusted(address, proxies):
            return address
    return remote
