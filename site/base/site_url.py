"""One source of the site's address: ``settings.SITE_URL``.

Emails, feeds and the API build absolute links from it. Wagtail builds a page's full URL from
its ``Site`` record (hostname and port), so that record is kept equal to ``SITE_URL``: after
every ``migrate`` and on the first request a process serves (a site started on another port
with the same database fixes its record without a migration).
"""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

logger = logging.getLogger(__name__)


def site_url() -> str:
    """``SITE_URL`` without a trailing slash, e.g. ``http://127.0.0.1:8123``."""
    return settings.SITE_URL.rstrip("/")


def absolute(path: str) -> str:
    """``path`` (absolute, e.g. from ``reverse`` or ``page.url``) on the configured site."""
    if path.startswith(("http://", "https://")):
        return path
    return site_url() + "/" + path.lstrip("/")


def hostname_and_port(url: str) -> tuple[str, int]:
    """The host name and port of ``url`` as Wagtail's ``Site`` record stores them."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"SITE_URL must look like https://example.org or http://127.0.0.1:8000, not {url!r}."
        )
    default_port = 443 if parts.scheme == "https" else 80
    return parts.hostname, parts.port or default_port


def sync_site_record(using: str = "default") -> bool:
    """Point the default Wagtail ``Site`` at ``SITE_URL``; True when the record changed."""
    from wagtail.models import Site

    hostname, port = hostname_and_port(site_url())
    site = Site.objects.using(using).filter(is_default_site=True).first()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    Site.objects.using(using).filter(pk=site.pk).update(hostname=hostname, port=port)
    Site.clear_site_root_paths_cache()
    logger.info("Site record now %s:%s (SITE_URL)", hostname, port)
    return True


def sync_after_migrate(sender, using="default", **kwargs) -> None:
    sync_site_record(using)


def sync_on_first_request(sender, **kwargs) -> None:
    """Runs once per process, then disconnects itself."""
    from django.core.signals import request_started
    from django.db import DatabaseError

    request_started.disconnect(sync_on_first_request, dispatch_uid=FIRST_REQUEST_UID)
    try:
        sync_site_record()
    except DatabaseError:  # not migrated yet: post_migrate will do it
        logger.warning("Could not sync the Site record with SITE_URL", exc_info=True)


FIRST_REQUEST_UID = "careersteps-site-url-first-request"
