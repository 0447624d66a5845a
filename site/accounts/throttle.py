"""A sliding-window rate limit counted in the database, so every worker process sees it.

``allow(scope, key, limit, window)`` records the hit and says whether it is within the limit;
refused hits are not recorded (a requester who keeps trying is not locked out longer).
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import ThrottleHit


def allow(scope: str, key: str | None, *, limit: int, window: timedelta) -> bool:
    """Count one request by ``key`` in ``scope``; False when ``limit`` were made in ``window``."""
    if not key or limit <= 0:
        return True
    with transaction.atomic():
        if not within(scope, key, limit=limit, window=window):
            return False
        note(scope, key)
    return True


def within(scope: str, key: str | None, *, limit: int, window: timedelta) -> bool:
    """Whether fewer than ``limit`` hits by ``key`` in ``scope`` were noted in ``window``
    (nothing noted: the caller notes the hit with :func:`note`, e.g. in the transaction that
    stores what the request sent; requests in flight at the same moment from one key may
    then pass the limit by as many as there are web processes)."""
    if not key or limit <= 0:
        return True
    since = timezone.now() - window
    return ThrottleHit.objects.filter(scope=scope, key=key, created_at__gt=since).count() < limit


def note(scope: str, key: str | None) -> None:
    if key:
        ThrottleHit.objects.create(scope=scope, key=key[:64], created_at=timezone.now())


def purge_old_hits(older_than: timedelta = timedelta(days=1)) -> int:
    """Forget hits older than any window we use (the daily purge calls this)."""
    deleted, _by_model = ThrottleHit.objects.filter(
        created_at__lt=timezone.now() - older_than
    ).delete()
    return deleted


FORM_POSTS = "application-form"


def form_posts_within_limit(request, scope: str = FORM_POSTS) -> bool:
    """Anonymous form posts (submissions and drafts) per requester IP:
    ``APPLICATIONS_POSTS_PER_IP`` in ``APPLICATIONS_POSTS_WINDOW_MINUTES`` (default 30 in 10).
    Counts only: the form notes each post with :func:`note_form_post`, a submission in the
    transaction that stores it (one write per submission instead of two)."""
    from django.conf import settings

    limit = int(getattr(settings, "APPLICATIONS_POSTS_PER_IP", 30))
    minutes = int(getattr(settings, "APPLICATIONS_POSTS_WINDOW_MINUTES", 10))
    return within(scope, requester_ip(request), limit=limit, window=timedelta(minutes=minutes))


def note_form_post(request, scope: str = FORM_POSTS) -> None:
    note(scope, requester_ip(request))


def requester_ip(request) -> str | None:
    """The requester's address by the access layer's one rule (X-Forwarded-For believed only
    from ``TRUSTED_PROXIES``; only a valid IP, else None)."""
    from workflows.access.network import client_ip

    return client_ip(request)
