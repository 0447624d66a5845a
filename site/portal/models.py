"""Sign-in links and the counters that rate-limit asking for them.

A sign-in link carries a random token; the database keeps only its SHA-256, so a leaked
database (or backup) cannot be used to sign anyone in. Requests for links are counted in
:class:`SignInRequest` rows rather than the cache: the default cache is per process, and a
limit that each worker counts separately is no limit.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: How long a sign-in link stays valid (single use besides): short, because a link in a
#: mailbox is a key to the person's applications.
TOKEN_LIFETIME = timedelta(minutes=10)


class SignInTokenQuerySet(models.QuerySet):
    def usable(self) -> SignInTokenQuerySet:
        """Tokens not used yet and younger than :data:`TOKEN_LIFETIME`."""
        return self.filter(used_at__isnull=True, created_at__gt=timezone.now() - TOKEN_LIFETIME)


class SignInToken(models.Model):
    """One emailed sign-in link. Single use: ``used_at`` is set by compare-and-set."""

    person = models.ForeignKey(
        "applications.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="sign_in_tokens",
    )
    #: SHA-256 (hex) of the token in the link; the token itself is never stored.
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    requested_ip = models.GenericIPAddressField(_("requested from"), null=True, blank=True)
    used_ip = models.GenericIPAddressField(_("used from"), null=True, blank=True)

    objects = SignInTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-in link")
        verbose_name_plural = _("sign-in links")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.person} @ {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def expires_at(self):
        return self.created_at + TOKEN_LIFETIME


class SignInRequest(models.Model):
    """One request for a sign-in link, counted per address and per IP for the rate limit.

    ``email_hash`` is a keyed hash of the normalised address, so the table does not become a
    list of every address anyone ever typed in.
    """

    email_hash = models.CharField(max_length=64, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("sign-in request")
        verbose_name_plural = _("sign-in requests")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.ip_address} @ {self.created_at:%Y-%m-%d %H:%M}"
