"""The one engine that applies a :class:`~workflows.engine.machine.Machine` to a model instance.

Applying a transition is one database transaction:

1. the transition's ``lock``, if it has one, takes the scope its guards read (e.g. the cohort
   row, ``SELECT ... FOR UPDATE``), then the checks (the transition exists from the current
   state, the actor holds a role allowed to trigger it, every guard passes), each refusal
   carrying a translated reason; guards read inside the transaction, after the lock, so two
   coordinators accepting different applications cannot both take the last place;
2. a compare-and-set ``UPDATE ... WHERE pk = ? AND state = <state read>``: when two requests
   race, exactly one updates a row, the other gets :class:`TransitionConflict`;
3. an append-only :class:`HistoryEntry`;
4. the transition's effects enqueued as django-q2 tasks. With the ORM broker the queue row is
   written in the same transaction, so a rollback also drops the task; with Redis the enqueue
   waits for ``on_commit``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workflows.engine.actors import Actor
from workflows.engine.machine import Machine, Transition
from workflows.engine.models import EffectSwitch, HistoryEntry


class TransitionError(Exception):
    """Base class: the transition was not applied. ``reason`` is translated, for people."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class TransitionRefused(TransitionError):
    """A check refused the transition (wrong state, role, or a guard)."""


class TransitionConflict(TransitionError):
    """The state changed under us: someone else applied a transition first."""


@dataclass(frozen=True)
class Check:
    allowed: bool
    reason: str = ""


def check_transition(machine: Machine, instance: models.Model, name: str, actor: Actor) -> Check:
    """May ``actor`` apply transition ``name`` to ``instance`` now? (allowed, reason)."""
    try:
        transition = machine.transition(name)
    except KeyError:
        return Check(False, _("There is no such step."))
    current = getattr(instance, machine.state_field)
    if current not in transition.sources:
        return Check(
            False,
            _("This step is not possible while the state is “%(state)s”.")
            % {"state": machine.state(current).label},
        )
    roles = machine.roles_of(actor, instance)
    if not roles & transition.roles:
        return Check(False, _("You are not allowed to take this step."))
    for guard in transition.guards:
        reason = guard(instance, actor)
        if reason:
            return Check(False, str(reason))
    return Check(True)


def available_transitions(
    machine: Machine, instance: models.Model, actor: Actor
) -> list[Transition]:
    """The transitions ``actor`` could apply right now (for buttons and menus)."""
    current = getattr(instance, machine.state_field)
    return [
        t
        for t in machine.transitions_from(current)
        if check_transition(machine, instance, t.name, actor).allowed
    ]


def _history_entry(
    machine: Machine,
    instance: models.Model,
    *,
    transition: str,
    from_state: str,
    to_state: str,
    actor: Actor,
    comment: str,
    message: str,
    occurred_at: datetime | None = None,
) -> HistoryEntry:
    entry = HistoryEntry(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        object_id=str(instance.pk),
        machine=machine.name,
        transition=transition,
        from_state=from_state,
        to_state=to_state,
        actor_user=actor.user,
        actor_label=str(actor)[:255],
        actor_is_system=actor.is_system,
        comment=comment,
        message=message,
        ip_address=actor.ip,
        user_agent=actor.user_agent,
        created_at=occurred_at or timezone.now(),
    )
    entry.save()
    return entry


def record_start(
    machine: Machine,
    instance: models.Model,
    actor: Actor,
    *,
    comment: str = "",
    occurred_at: datetime | None = None,
) -> HistoryEntry:
    """Write the first history entry of a new object, created in the machine's initial state.

    ``occurred_at`` is for importing or replaying historical records (the demo); None means now.
    """
    state = getattr(instance, machine.state_field)
    if state != machine.initial:
        raise ValueError(f"{machine.name}: new objects start in {machine.initial!r}, not {state!r}")
    return _history_entry(
        machine,
        instance,
        transition="create",
        from_state="",
        to_state=state,
        actor=actor,
        comment=comment,
        message="",
        occurred_at=occurred_at,
    )


@functools.cache
def _broker(cluster: str | None):
    """One broker per queue and process: django-q2's ``async_task`` would otherwise make a new
    one per task, and for Redis that is a new connection pool and TCP connection each time."""
    from django_q.brokers import get_broker

    return get_broker(cluster)


def enqueue(task_path: str, *args, **kwargs) -> None:
    """Enqueue a django-q2 task so that it commits (or rolls back) with the current transaction.

    The ORM broker writes the queue row in the current transaction already; the Redis broker
    has no transaction, so the enqueue waits for the commit.
    """
    from django_q.tasks import async_task

    broker = _broker(kwargs.get("cluster"))
    if getattr(settings, "REDIS_URL", ""):
        transaction.on_commit(lambda: async_task(task_path, *args, broker=broker, **kwargs))
    else:
        async_task(task_path, *args, broker=broker, **kwargs)


def switched_off_effects(machine: Machine, transition: str) -> frozenset[str]:
    """The effects of ``transition`` a coordinator switched off (see :class:`EffectSwitch`)."""
    return frozenset(
        EffectSwitch.objects.filter(
            machine=machine.name, transition=transition, enabled=False
        ).values_list("effect", flat=True)
    )


def set_effect_enabled(
    machine: Machine, transition: str, effect: str, enabled: bool, user=None
) -> EffectSwitch:
    """Switch one effect of one transition on or off (validated against the machine)."""
    if effect not in {e.key for e in machine.transition(transition).effects}:
        raise KeyError(f"{machine.name}.{transition} has no effect {effect!r}")
    switch, _created = EffectSwitch.objects.update_or_create(
        machine=machine.name,
        transition=transition,
        effect=effect,
        defaults={"enabled": enabled, "changed_by": user},
    )
    return switch


def apply_transition(
    machine: Machine,
    instance: models.Model,
    name: str,
    actor: Actor,
    *,
    comment: str = "",
    message: str = "",
    disabled_effects: frozenset[str] = frozenset(),
    occurred_at: datetime | None = None,
) -> HistoryEntry:
    """Apply transition ``name``; see the module docstring. Returns the history entry.

    Raises :class:`TransitionRefused` or :class:`TransitionConflict` (both with a reason).
    ``disabled_effects`` names effects to skip this time (e.g. the coordinator unticked "email
    the applicant" for one decision); effects switched off in the admin
    (:class:`EffectSwitch`) are skipped too. ``occurred_at`` is for importing or replaying
    historical records (the demo): it dates the history entry (and ``state_changed_at``);
    None means now. It sends nothing by itself: pass the effects in ``disabled_effects``.
    """
    with transaction.atomic():
        transition = machine.find_transition(name)
        if transition is not None and transition.lock is not None:
            transition.lock(instance)
        # The guards run inside the transaction, after the lock: what they read holds until
        # the commit.
        check = check_transition(machine, instance, name, actor)
        if not check.allowed:
            raise TransitionRefused(check.reason)
        if transition.comment_required and not (comment.strip() or message.strip()):
            raise TransitionRefused(_("Please write a comment for this step."))
        from_state = getattr(instance, machine.state_field)
        model = type(instance)
        update = {machine.state_field: transition.target}
        if any(f.name == "state_changed_at" for f in model._meta.get_fields()):
            update["state_changed_at"] = occurred_at or timezone.now()
        updated = model._default_manager.filter(
            pk=instance.pk, **{machine.state_field: from_state}
        ).update(**update)
        if updated != 1:
            raise TransitionConflict(
                _("Someone else changed this in the meantime. Please reload and try again.")
            )
        entry = _history_entry(
            machine,
            instance,
            transition=name,
            from_state=from_state,
            to_state=transition.target,
            actor=actor,
            comment=comment,
            message=message,
            occurred_at=occurred_at,
        )
        skipped = disabled_effects | switched_off_effects(machine, name)
        for effect in transition.effects:
            if effect.key not in skipped:
                enqueue(effect.task, entry.pk)
    for attribute, value in update.items():
        setattr(instance, attribute, value)
    return entry
