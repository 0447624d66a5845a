"""The audit trail of every state change: append-only, one row per applied transition,
hash-chained (see :mod:`workflows.engine.chain`; ``manage.py verify_audit`` checks it)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class HistoryEntryQuerySet(models.QuerySet):
    def for_object(self, obj) -> "HistoryEntryQuerySet":
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=True),
            object_id=str(obj.pk),
        )

    def update(self, **kwargs):  # noqa: D102 - append-only
        raise TypeError("History entries are append-only.")

    def delete(self):  # noqa: D102 - append-only
        raise TypeError("History entries are append-only.")

    def redact(self) -> int:
        """Blank the personal fields of these entries (erasure of a person, GDPR).

        The only change the chain allows: the salt goes with the fields, the digest the
        chain hashes stays, ``redacted_at`` marks the entry (see :mod:`workflows.engine.chain`).
        Entries written before the salted commitment (none after migration 0005) cannot be
        redacted without breaking the chain and are refused."""
        if self.filter(personal_digest="").exists():
            raise ValueError("Entries without a personal digest cannot be redacted.")
        return models.QuerySet.update(
            self.filter(redacted_at__isnull=True),
            actor_label="",
            comment="",
            message="",
            ip_address=None,
            user_agent="",
            personal_salt="",
            redacted_at=timezone.now(),
        )


class HistoryEntry(models.Model):
    """One applied transition (or the creation of an object in its initial state)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    subject = GenericForeignKey("content_type", "object_id")
    machine = models.CharField(_("workflow"), max_length=50)
    transition = models.CharField(_("transition"), max_length=50)
    from_state = models.CharField(_("from"), max_length=50, blank=True)
    to_state = models.CharField(_("to"), max_length=50)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(_("by"), max_length=255)
    actor_is_system = models.BooleanField(default=False)
    comment = models.TextField(_("comment"), blank=True)
    #: A message meant for the applicant (e.g. why changes are requested).
    message = models.TextField(_("message to the applicant"), blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(max_length=500, blank=True)
    #: When it happened: now, or the original time when a replay imports historical records.
    created_at = models.DateTimeField(
        _("time"), default=timezone.now, editable=False, db_index=True
    )
    #: The hash of the entry before this one (by primary key), and this entry's own hash over
    #: its content and ``prev_hash``: the chain ``manage.py verify_audit`` checks.
    prev_hash = models.CharField(max_length=64, blank=True, editable=False)
    hash = models.CharField(max_length=64, blank=True, editable=False)
    #: The salted commitment to the personal fields that the chain hashes (version 2), and
    #: when the fields were redacted (erasure): then the salt is blank and only the digest stays.
    personal_salt = models.CharField(max_length=32, blank=True, editable=False)
    personal_digest = models.CharField(max_length=64, blank=True, editable=False)
    redacted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = HistoryEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history entries")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self) -> str:
        return f"{self.machine}:{self.object_id} {self.from_state or '∅'} → {self.to_state}"

    def save(self, *args, **kwargs):
        """Append the entry to the chain: under the chain's lock, link it to the last hash."""
        from workflows.engine import chain

        if self.pk is not None:
            raise TypeError("History entries are append-only.")
        with transaction.atomic():
            chain.lock_chain()
            last = HistoryEntry.objects.order_by("-pk").values_list("hash", flat=True).first()
            self.prev_hash = last or chain.GENESIS
            chain.commit_personal(self)
            self.hash = chain.entry_hash(self.prev_hash, self)
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("History entries are append-only.")


class EffectSwitch(models.Model):
    """A coordinator's switch for one effect of one transition (e.g. "don't email on reject").

    No row means the effect is on: the machine's table is the default, rows only record
    exceptions. :func:`workflows.engine.engine.apply_transition` consults them every time.
    """

    machine = models.CharField(_("workflow"), max_length=50)
    transition = models.CharField(_("transition"), max_length=50)
    effect = models.CharField(_("effect"), max_length=50)
    enabled = models.BooleanField(_("enabled"), default=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("effect switch")
        verbose_name_plural = _("effect switches")
        constraints = [
            models.UniqueConstraint(
                fields=["machine", "transition", "effect"], name="one_switch_per_effect"
            )
        ]

    def __str__(self) -> str:
        state = "on" if self.enabled else "off"
        return f"{self.machine}.{self.transition}.{self.effect}: {state}"
