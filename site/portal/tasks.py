"""django-q2 entry points of the portal (scheduled by :mod:`portal.schedules`)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from portal.models import TOKEN_LIFETIME, SignInRequest, SignInToken
from portal.signin import limits

#: Sign-in links are kept this long after they stop working, for questions like "did the
#: link I used yesterday work?"; then they are deleted (they are personal data).
KEEP_TOKENS_FOR = timedelta(days=7)


def purge_sign_in_records() -> dict[str, int]:
    """Delete expired sign-in links and rate-limit counters outside every window.

    Idempotent: a second run finds nothing left to delete.
    """
    now = timezone.now()
    tokens, _ = SignInToken.objects.filter(
        created_at__lt=now - TOKEN_LIFETIME - KEEP_TOKENS_FOR
    ).delete()
    window = timedelta(minutes=limits()["window_minutes"])
    requests, _ = SignInRequest.objects.filter(created_at__lt=now - window).delete()
    return {"tokens": tokens, "requests": requests}
