"""Erasure of a person (GDPR art. 17): remove or anonymise them everywhere, in one transaction.

``erase_person(person, actor, reason)`` follows the inventory (:mod:`workflows.privacy.inventory`)
table by table, then sweeps every text column of every table for the person's name and email
(NFC-normalised, case-folded) and replaces what it finds with ``[erased]``: a name typed into
someone else's comment, a matching run's recorded inputs, an email to a partner. What stays:

* anonymous statistics: applications (cohort, role, state, dates), profiles (institution,
  degree), matches, meetings (as counts), event registrations, survey invitations (answered
  or not), anonymous survey responses, review scores;
* **signed agreements** (signed, active, completed) with their PDFs, text and signatures: the
  programme's funding audit requires them for the retention period (README, Privacy). This is
  the only place the person's name remains, and the erasure test allows exactly that;
* the audit history's rows, with their personal fields *redacted* (the chain stays verifiable,
  see :mod:`workflows.engine.chain`).

Files (CVs, uploads of drafts) are deleted from storage once the transaction commits. The
erasure is recorded twice, without name or email: an :class:`ErasureRecord` (who, when, the
person id, the reason, counts per table) and an entry in the audit history.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.fields import StreamField

from applications.models import (
    Application,
    Draft,
    Person,
    ReceivedSubmission,
    Upload,
    normalise_email,
)
from workflows.agreements.lifecycle import ACTIVE, COMPLETED, SIGNED
from workflows.agreements.models import Agreement, SigningEvent
from workflows.engine.actors import Actor
from workflows.engine.models import HistoryEntry
from workflows.matching.models import Match
from workflows.privacy import inventory
from workflows.privacy.models import ErasureRecord, ErasureRequest

#: Agreements in these states are kept (the documented exception).
KEPT_AGREEMENT_STATES = (SIGNED, ACTIVE, COMPLETED)
ERASED = "[erased]"
#: Tables the final sweep leaves to their own handlers (hashed, pickled, encoded).
SWEEP_SKIPS = {
    "workflow_engine.HistoryEntry",
    "django_q.Task",
    "django_q.Success",
    "django_q.Failure",
    "django_q.OrmQ",
    "sessions.Session",
    "privacy.ErasureRecord",
    # People and accounts are handled by name: a namesake's own row must not be touched.
    "applications.Person",
    "auth.User",
}
_TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


# --- recognising the person -------------------------------------------------------------


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold()


@dataclass
class Needles:
    """The person's name and email as they may appear anywhere (any case, NFC or NFD)."""

    values: tuple[str, ...]

    @classmethod
    def of(cls, person: Person, *more: str) -> Needles:
        found = {_fold(v) for v in (person.full_name, person.email, *more) if v and len(v) > 2}
        return cls(tuple(sorted(found, key=len, reverse=True)))

    def in_text(self, text: Any) -> bool:
        if not text:
            return False
        folded = _fold(str(text))
        return any(needle in folded for needle in self.values)

    def in_value(self, value: Any) -> bool:
        if isinstance(value, str):
            return self.in_text(value)
        if value is None or isinstance(value, bool | int | float):
            return False
        return self.in_text(json.dumps(value, ensure_ascii=False, default=str))

    def scrub_text(self, text: str) -> str:
        result = unicodedata.normalize("NFC", text)
        for needle in self.values:
            result = re.sub(re.escape(needle), ERASED, result, flags=re.IGNORECASE)
        if self.in_text(result):  # a case only casefold matches (ß, ...): drop the text
            return ERASED
        return result

    def scrub_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.scrub_text(value)
        if isinstance(value, list):
            return [self.scrub_value(v) for v in value]
        if isinstance(value, dict):
            return {self.scrub_text(str(k)): self.scrub_value(v) for k, v in value.items()}
        return value


# --- what the person has ----------------------------------------------------------------


@dataclass
class Scope:
    """Everything about one person that the handlers need, read before anything changes."""

    person: Person
    needles: Needles
    user: Any | None
    application_ids: list[int]
    match_ids: list[int]
    kept_agreement_ids: list[int]
    other_agreement_ids: list[int]
    counts: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))

    def count(self, label: str, what: str, n: int) -> None:
        if n:
            self.counts[label][what] = self.counts[label].get(what, 0) + n


def _user_for(person: Person):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email__iexact=person.email).first()


def scope_of(person: Person) -> Scope:
    user = _user_for(person)
    extra = [user.get_full_name(), user.get_username()] if user is not None else []
    application_ids = list(Application.objects.filter(person=person).values_list("pk", flat=True))
    match_ids = list(
        Match.objects.filter(
            Q(mentee_application__person=person) | Q(mentor_application__person=person)
        ).values_list("pk", flat=True)
    )
    agreements = Agreement.objects.filter(match_id__in=match_ids)
    kept = list(agreements.filter(state__in=KEPT_AGREEMENT_STATES).values_list("pk", flat=True))
    other = list(agreements.exclude(pk__in=kept).values_list("pk", flat=True))
    return Scope(
        person=person,
        needles=Needles.of(person, *[e for e in extra if "@" in e or " " in e]),
        user=user,
        application_ids=application_ids,
        match_ids=match_ids,
        kept_agreement_ids=kept,
        other_agreement_ids=other,
    )


def rows_of(item: inventory.Item, person: Person) -> models.QuerySet | None:
    """The rows of ``item``'s table that belong to ``person`` (None: no lookup)."""
    if not item.lookups:
        return None
    try:
        model = apps.get_model(item.model)
    except LookupError:  # an optional app that is not installed
        return None
    condition = Q()
    for lookup in item.lookups:
        condition |= Q(**{lookup: person.pk})
    pks = model.objects.filter(condition).values_list("pk", flat=True).distinct()
    return model.objects.filter(pk__in=list(pks))


# --- handlers ---------------------------------------------------------------------------


def _delete_files(files: list[tuple[Any, str]]) -> None:
    def delete() -> None:
        for storage, name in files:
            if name and storage.exists(name):
                storage.delete(name)

    transaction.on_commit(delete)


def _uploads(scope: Scope, uploads) -> None:
    files = [(u.file.storage, u.file.name) for u in uploads if u.file]
    n = len(files)
    uploads.delete()
    _delete_files(files)
    scope.count("applications.Upload", "deleted", n)


def handle_uploads(scope: Scope) -> None:
    _uploads(scope, Upload.objects.filter(application_id__in=scope.application_ids))


def handle_drafts(scope: Scope) -> None:
    email = scope.person.email
    drafts = [d.pk for d in Draft.objects.exclude(email="") if _same_email(d.email, email)]
    _uploads(scope, Upload.objects.filter(draft_id__in=drafts))
    n, _ = Draft.objects.filter(pk__in=drafts).delete()
    scope.count("applications.Draft", "deleted", len(drafts))


def handle_received(scope: Scope) -> None:
    """Submissions the worker has not accepted yet (normally seconds old): gone, files too."""
    pks = received_of(scope.person)
    _uploads(scope, Upload.objects.filter(received_id__in=pks))
    ReceivedSubmission.objects.filter(pk__in=pks).delete()
    scope.count("applications.ReceivedSubmission", "deleted", len(pks))


def received_of(person: Person) -> list[int]:
    """The received submissions whose answered address is ``person``'s."""
    return [
        pk
        for pk, answers in ReceivedSubmission.objects.values_list("pk", "answers")
        if _same_email(str(answers.get("email", "")), person.email)
    ]


def _same_email(a: str, b: str) -> bool:
    try:
        return normalise_email(a) == normalise_email(b)
    except Exception:  # noqa: BLE001 - a malformed stored address is not the person's
        return a.strip().casefold() == b.strip().casefold()


def handle_sign_in_requests(scope: Scope) -> None:
    from portal.models import SignInRequest
    from portal.signin import hash_email

    n, _ = SignInRequest.objects.filter(email_hash=hash_email(scope.person.email)).delete()
    scope.count("portal.SignInRequest", "deleted", n)


def handle_past_pairs(scope: Scope) -> None:
    from workflows.matching.inputs import pair_digest
    from workflows.matching.models import PastPairHash

    digests = [
        pair_digest(m.mentee_application.person.email, m.mentor_application.person.email)
        for m in Match.objects.filter(pk__in=scope.match_ids).select_related(
            "mentee_application__person", "mentor_application__person"
        )
    ]
    n, _ = PastPairHash.objects.filter(digest__in=digests).delete()
    scope.count("matching.PastPairHash", "deleted", n)


def handle_agreements(scope: Scope) -> None:
    blanked = Agreement.objects.filter(pk__in=scope.other_agreement_ids)
    n = models.QuerySet.update(
        blanked, draft_text={}, issued_text={}, issued_pdf=None, sealed_pdf=None
    )
    scope.count("agreements.Agreement", "anonymised", n)
    scope.count("agreements.Agreement", "kept", len(scope.kept_agreement_ids))
    signatures = SigningEvent.objects.filter(
        Q(agreement_id__in=scope.other_agreement_ids)
        | (Q(person=scope.person) & ~Q(agreement_id__in=scope.kept_agreement_ids))
    )
    n = signatures.update(typed_name="", ip_address=None, user_agent="")
    scope.count("agreements.SigningEvent", "anonymised", n)
    kept = SigningEvent.objects.filter(agreement_id__in=scope.kept_agreement_ids).count()
    scope.count("agreements.SigningEvent", "kept", kept)


def handle_survey_invitations(scope: Scope) -> None:
    from workflows.evaluation.models import SurveyInvitation, new_token

    invitations = list(SurveyInvitation.objects.filter(person=scope.person))
    for invitation in invitations:
        invitation.goals = []
        invitation.token = new_token()
        invitation.save(update_fields=["goals", "token"])
    scope.count("evaluation.SurveyInvitation", "anonymised", len(invitations))


def handle_outbox(scope: Scope) -> None:
    from workflows.notifications.models import OutboundEmail

    mine = [
        e.pk
        for e in OutboundEmail.objects.only("pk", "to")
        if _same_email(e.to, scope.person.email)
    ]
    n, _ = OutboundEmail.objects.filter(pk__in=mine).delete()
    scope.count("notifications.OutboundEmail", "deleted", n)


def subjects_of(scope: Scope) -> Q:
    """The history entries whose subject is one of the person's objects."""
    from workflows.agreements.models import ChangeProposal
    from workflows.evaluation.models import SurveyInvitation
    from workflows.programme_life.models import EventRegistration, Meeting

    person = scope.person
    owned = [
        (Person, [person.pk]),
        (Application, scope.application_ids),
        (Match, scope.match_ids),
        (Agreement, scope.kept_agreement_ids + scope.other_agreement_ids),
        (
            Meeting,
            Meeting.objects.filter(match_id__in=scope.match_ids).values_list("pk", flat=True),
        ),
        (
            EventRegistration,
            EventRegistration.objects.filter(person=person).values_list("pk", flat=True),
        ),
        (
            SurveyInvitation,
            SurveyInvitation.objects.filter(person=person).values_list("pk", flat=True),
        ),
        (ChangeProposal, ChangeProposal.objects.filter(person=person).values_list("pk", flat=True)),
    ]
    condition = Q(pk__in=[])
    for model, pks in owned:
        ids = [str(pk) for pk in pks]
        if ids:
            condition |= Q(
                content_type=ContentType.objects.get_for_model(model, for_concrete_model=True),
                object_id__in=ids,
            )
    return condition


def handle_history(scope: Scope) -> None:
    condition = subjects_of(scope)
    if scope.user is not None:
        condition |= Q(actor_user=scope.user)
    ids = set(
        HistoryEntry.objects.filter(condition, redacted_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    for pk, *values in HistoryEntry.objects.filter(redacted_at__isnull=True).values_list(
        "pk", "actor_label", "comment", "message", "user_agent"
    ):
        if any(scope.needles.in_text(v) for v in values):
            ids.add(pk)
    n = HistoryEntry.objects.filter(pk__in=ids).redact()
    scope.count("workflow_engine.HistoryEntry", "redacted", n)


def _task_mentions(scope: Scope, *values: Any) -> bool:
    return any(scope.needles.in_text(repr(v)) for v in values if v is not None)


def handle_tasks(scope: Scope) -> None:
    from django_q.models import OrmQ, Schedule, Task

    gone = []
    for task in Task.objects.all().iterator():
        try:
            if _task_mentions(scope, task.name, task.args, task.kwargs, task.result):
                gone.append(task.pk)
        except Exception:  # noqa: BLE001 - an unreadable pickle may hold anything: drop it
            gone.append(task.pk)
    n, _ = Task.objects.filter(pk__in=gone).delete()
    scope.count("django_q.Task", "deleted", n)
    queued = []
    for row in OrmQ.objects.all():
        try:
            if _task_mentions(scope, row.task()):
                queued.append(row.pk)
        except Exception:  # noqa: BLE001
            queued.append(row.pk)
    n, _ = OrmQ.objects.filter(pk__in=queued).delete()
    scope.count("django_q.OrmQ", "deleted", n)
    schedules = [
        s.pk for s in Schedule.objects.all() if _task_mentions(scope, s.name, s.args, s.kwargs)
    ]
    n, _ = Schedule.objects.filter(pk__in=schedules).delete()
    scope.count("django_q.Schedule", "deleted", n)


def handle_sessions(scope: Scope) -> None:
    from portal.session import SESSION_KEY

    user_id = str(scope.user.pk) if scope.user is not None else None
    gone = []
    for session in Session.objects.all().iterator():
        try:
            data = session.get_decoded()
        except Exception:  # noqa: BLE001, S112 - undecodable: not ours to judge, leave it
            continue
        if (
            data.get(SESSION_KEY) == scope.person.pk
            or (user_id is not None and str(data.get("_auth_user_id")) == user_id)
            or scope.needles.in_value(data)
        ):
            gone.append(session.pk)
    n, _ = Session.objects.filter(pk__in=gone).delete()
    scope.count("sessions.Session", "deleted", n)


def handle_user(scope: Scope) -> None:
    user = scope.user
    if user is None:
        return
    names = {user.get_username(), scope.person.email, user.email}
    for label, lookup in (
        ("axes.AccessAttempt", "username__in"),
        ("axes.AccessFailureLog", "username__in"),
        ("axes.AccessLog", "username__in"),
    ):
        if apps.is_installed(label.split(".")[0]):
            n, _ = apps.get_model(label).objects.filter(**{lookup: names}).delete()
            scope.count(label, "deleted", n)
    from accounts.models import ThrottleHit

    n, _ = ThrottleHit.objects.filter(key__in=[str(user.pk), *names]).delete()
    scope.count("accounts.ThrottleHit", "deleted", n)
    for label in ("otp_totp.TOTPDevice", "otp_static.StaticDevice"):
        n, _ = apps.get_model(label).objects.filter(user=user).delete()
        scope.count(label, "deleted", n)
    profile_model = apps.get_model("wagtailusers", "UserProfile")
    for profile in profile_model.objects.filter(user=user):
        if profile.avatar:
            profile.avatar.delete(save=False)
        profile.delete()
        scope.count("wagtailusers.UserProfile", "deleted", 1)
    user.username = f"erased-{user.pk}"
    user.first_name = user.last_name = ""
    user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    scope.count("auth.User", "anonymised", 1)


def handle_person(scope: Scope) -> None:
    person = scope.person
    Person.objects.filter(pk=person.pk).update(
        full_name=f"erased person #{person.pk}",
        email=f"erased-{person.pk}@erased.invalid",
    )
    scope.count("applications.Person", "anonymised", 1)


def sweep(scope: Scope) -> None:
    """Every text and JSON column of every other table: replace the name and email."""
    for model in apps.get_models():
        label = model._meta.label
        if label in SWEEP_SKIPS or model._meta.proxy or not model._meta.managed:
            continue
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, _TEXT_FIELDS) and not isinstance(f, StreamField)
        ]
        if not names:
            continue
        queryset = model._base_manager.all()
        if label == "agreements.Agreement":
            queryset = queryset.exclude(pk__in=scope.kept_agreement_ids)
        elif label == "agreements.SigningEvent":
            queryset = queryset.exclude(agreement_id__in=scope.kept_agreement_ids)
        changed = 0
        for row in queryset.values("pk", *names).iterator(chunk_size=500):
            fix = {
                name: scope.needles.scrub_value(value)
                for name, value in row.items()
                if name != "pk" and scope.needles.in_value(value)
            }
            if fix:
                models.QuerySet.update(model._base_manager.filter(pk=row["pk"]), **fix)
                changed += 1
        scope.count(label, "scrubbed", changed)


HANDLERS = {
    "uploads": handle_uploads,
    "drafts": handle_drafts,
    "received": handle_received,
    "sign_in_requests": handle_sign_in_requests,
    "past_pairs": handle_past_pairs,
    "agreements": handle_agreements,
    "survey_invitations": handle_survey_invitations,
    "outbox": handle_outbox,
    "history": handle_history,
    "tasks": handle_tasks,
    "sessions": handle_sessions,
    "user": handle_user,
    "person": handle_person,
    "sweep": lambda scope: None,  # runs last, once, over every table
}
#: Handlers that must run before the generic steps (they read what those change).
FIRST = (
    "past_pairs",
    "sign_in_requests",
    "drafts",
    "received",
    "uploads",
    "outbox",
    "tasks",
    "sessions",
)
LAST = ("history", "agreements", "survey_invitations", "user", "person")


def _generic(scope: Scope) -> None:
    for item in inventory.ITEMS:
        if item.action not in (inventory.DELETE, inventory.ANONYMISE):
            continue
        rows = rows_of(item, scope.person)
        if rows is None:
            continue
        if item.action == inventory.DELETE:
            n = rows.count()
            rows.delete()
            scope.count(item.model, "deleted", n)
        else:
            scope.count(item.model, "anonymised", models.QuerySet.update(rows, **item.blank))


# --- the service ------------------------------------------------------------------------


@dataclass(frozen=True)
class PreviewRow:
    model: str
    action: str
    count: int
    why: str


def preview(person: Person) -> list[PreviewRow]:
    """What erasure would do to ``person``'s rows, per table (the confirmation page)."""
    scope = scope_of(person)
    rows = []
    for item in inventory.ITEMS:
        found = rows_of(item, person)
        count = found.count() if found is not None else 0
        if item.model == "agreements.Agreement" and scope.kept_agreement_ids:
            rows.append(PreviewRow(item.model, "keep", len(scope.kept_agreement_ids), item.why))
            count = len(scope.other_agreement_ids)
        if count:
            rows.append(PreviewRow(item.model, item.action, count, item.why))
    return rows


def erase_person(person: Person, actor: Actor, reason: str) -> ErasureRecord:
    """Erase ``person`` everywhere (see the module docstring). One transaction; files go after
    it commits. Safe to run twice (the second run finds nothing left but the record)."""
    with transaction.atomic():
        person = Person.objects.select_for_update().get(pk=person.pk)
        scope = scope_of(person)
        for name in FIRST:
            HANDLERS[name](scope)
        _generic(scope)
        for name in LAST:
            HANDLERS[name](scope)
        sweep(scope)
        reason = scope.needles.scrub_text(reason)[:255]
        record = ErasureRecord.objects.create(
            person_id_ref=person.pk,
            actor=actor.user,
            actor_label="system" if actor.is_system else str(actor)[:255],
            reason=reason,
            summary={k: dict(v) for k, v in scope.counts.items()},
        )
        HistoryEntry(
            content_type=ContentType.objects.get_for_model(Person),
            object_id=str(person.pk),
            machine="privacy",
            transition="erase",
            to_state="erased",
            actor_user=actor.user,
            actor_label=record.actor_label,
            actor_is_system=actor.is_system,
            comment=f"erasure #{record.pk}: {reason}",
        ).save()
        ErasureRequest.objects.filter(
            person_id_ref=person.pk, state=ErasureRequest.State.OPEN
        ).update(state=ErasureRequest.State.DONE, handled_by=actor.user, handled_at=timezone.now())
    return record
