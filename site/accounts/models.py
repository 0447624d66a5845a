"""Counters for rate limits that hold across worker processes (rows, not a per-process cache)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class ThrottleHit(models.Model):
    """One counted request: ``scope`` names the limit, ``key`` whom it counts (a keyed hash or
    an IP address, never a readable address). Old rows are purged by the daily schedule."""

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["scope", "key", "created_at"])]

    def __str__(self) -> str:
        return f"{self.scope}:{self.key}"
