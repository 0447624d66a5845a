"""From a cohort's applications to the solver's :class:`~workflows.matching.data.Instance`.

Who is in a run: accepted mentees without an approved or confirmed match, and accepted (or
already matched) mentors with places left after their approved and confirmed matches. Current
*proposals* do not hold anyone: a run replaces them (keeping what it can, see ``keep``).
"""

from __future__ import annotations

import hashlib
import json

from django.db.models import Count
from django.utils.crypto import salted_hmac

from applications.models import Application, normalise_email
from workflows.lifecycles.application import ACCEPTED, MATCHED
from workflows.matching.data import Instance, Participant
from workflows.matching.keys import DEFAULT_SWITCHES, DEFAULT_WEIGHTS, VETO, WISHES
from workflows.matching.lifecycle import COMMITTED, DECLINED, PROPOSED
from workflows.matching.models import (
    Match,
    MatchingSettings,
    MenteeRanking,
    PairRule,
    PastPairHash,
)

PAIR_SALT = "careersteps.matching.past-pair"


def pair_digest(mentee_email: str, mentor_email: str) -> str:
    """Keyed hash of a pair (HMAC-SHA256 with the site's secret): not personal data on its own,
    and the same for the same two people in any later cohort."""
    value = f"{normalise_email(mentee_email)}\n{normalise_email(mentor_email)}"
    return salted_hmac(PAIR_SALT, value, algorithm="sha256").hexdigest()


def settings_for(cohort) -> MatchingSettings:
    found, _created = MatchingSettings.objects.get_or_create(cohort=cohort)
    return found


def applied_capacity(application: Application) -> int:
    """The mentor's capacity: what they applied with (1 if unsaid), lowered by their own say."""
    profile = getattr(application, "profile", None)
    capacity = profile.capacity if profile and profile.capacity is not None else 1
    preference = getattr(application, "mentor_preference", None)
    if preference is not None and preference.capacity is not None:
        capacity = min(capacity, preference.capacity)
    return capacity


def slot_minutes(slot) -> tuple[int, int, int]:
    return (
        slot.weekday,
        slot.starts_at.hour * 60 + slot.starts_at.minute,
        slot.ends_at.hour * 60 + slot.ends_at.minute or 24 * 60,
    )


def participant(application: Application, capacity: int = 1) -> Participant:
    profile = application.profile
    disciplines = [d.key for d in profile.disciplines.all()]
    interests = [str(x) for x in (profile.research_interests or [])]
    if application.role == Application.Role.MENTEE:
        text = profile.goals
    else:
        names = " ".join(d.name for d in profile.disciplines.all())
        text = " ".join([profile.programme_or_position, profile.faculty, names, *interests])
    preference = getattr(application, "mentor_preference", None)
    return Participant(
        id=application.pk,
        country=profile.institution.country,
        institution=str(profile.institution.translation_key),
        faculty=profile.faculty,
        languages={row.language: row.level for row in application.languages.all()},
        disciplines=frozenset(disciplines),
        interests=frozenset(interests),
        text=text,
        meeting=profile.meeting_preference or "mixed",
        timezone=profile.timezone or "Europe/Prague",
        slots=tuple(slot_minutes(s) for s in application.availability.all()),
        capacity=capacity,
        excluded_topics=frozenset(preference.excluded_topics if preference else ()),
        label=application.person.full_name,
    )


def _applications(cohort, role: str, states):
    return (
        Application.objects.filter(cohort=cohort, role=role, state__in=states)
        .select_related("person", "profile__institution", "mentor_preference")
        .prefetch_related("languages", "availability", "profile__disciplines")
        .order_by("pk")
    )


def committed_load(cohort) -> dict[int, int]:
    """Approved or confirmed matches per mentor application."""
    rows = (
        Match.objects.filter(cohort=cohort, state__in=COMMITTED)
        .values("mentor_application")
        .annotate(n=Count("pk"))
    )
    return {row["mentor_application"]: row["n"] for row in rows}


def build_instance(cohort, *, keep: bool = True) -> tuple[Instance, dict]:
    """The instance for a run of ``cohort`` and a JSON-able record of it (for the run)."""
    chosen = settings_for(cohort)
    weights = {**DEFAULT_WEIGHTS, **(chosen.weights or {})}
    switches = {**DEFAULT_SWITCHES, **(chosen.switches or {})}
    if not chosen.participants_say:
        weights[WISHES] = 0.0
        switches[VETO] = False
    held = set(
        Match.objects.filter(cohort=cohort, state__in=COMMITTED).values_list(
            "mentee_application", flat=True
        )
    )
    load = committed_load(cohort)
    mentees = [
        participant(a) for a in _applications(cohort, "mentee", (ACCEPTED,)) if a.pk not in held
    ]
    mentors = []
    for application in _applications(cohort, "mentor", (ACCEPTED, MATCHED)):
        own = applied_capacity(application)
        left = own - load.get(application.pk, 0)
        if own <= 0 or left > 0:  # capacity 0 stays in, so the run is refused with a reason
            mentors.append(participant(application, capacity=max(left, 0) if own > 0 else 0))
    ids = {p.id for p in (*mentees, *mentors)}

    def pairs(queryset) -> frozenset:
        return frozenset(
            (a, b)
            for a, b in queryset.values_list("mentee_application", "mentor_application")
            if a in ids and b in ids
        )

    rules = PairRule.objects.filter(cohort=cohort)
    emails = dict(Application.objects.filter(pk__in=ids).values_list("pk", "person__email"))
    past_digests = set(PastPairHash.objects.values_list("digest", flat=True))
    past = frozenset(
        (a.id, b.id)
        for a in mentees
        for b in mentors
        if past_digests and pair_digest(emails[a.id], emails[b.id]) in past_digests
    )
    rankings: dict[int, dict[int, int]] = {}
    vetoes: frozenset = frozenset()
    if chosen.participants_say:
        wishes = MenteeRanking.objects.filter(
            mentee_application__in=ids, mentor_application__in=ids
        )
        for row in wishes.filter(rank__isnull=False):
            rankings.setdefault(row.mentee_application_id, {})[row.mentor_application_id] = row.rank
        vetoes = pairs(wishes.filter(veto=True))
    instance = Instance(
        mentees=tuple(mentees),
        mentors=tuple(mentors),
        weights=weights,
        switches=switches,
        locks=pairs(rules.filter(kind=PairRule.Kind.LOCK)),
        forbids=pairs(rules.filter(kind=PairRule.Kind.FORBID)),
        conflicts=pairs(rules.filter(kind=PairRule.Kind.CONFLICT)),
        past_pairs=past,
        declined=pairs(Match.objects.filter(cohort=cohort, state=DECLINED)),
        vetoes=vetoes,
        rankings=rankings,
        keep=pairs(Match.objects.filter(cohort=cohort, state=PROPOSED)) if keep else frozenset(),
        starts_on=cohort.programme_starts_on,
        ends_on=cohort.programme_ends_on,
    )
    record = describe(instance)
    return instance, record


def describe(instance: Instance) -> dict:
    """A JSON-able record of everything the solver saw (no names or emails: application ids)."""

    def person(p: Participant) -> dict:
        return {
            "id": p.id,
            "country": p.country,
            "institution": p.institution,
            "languages": dict(sorted(p.languages.items())),
            "disciplines": sorted(p.disciplines),
            "interests": sorted(p.interests),
            "text_sha256": hashlib.sha256(p.text.encode()).hexdigest()[:16],
            "meeting": p.meeting,
            "timezone": p.timezone,
            "slots": [list(s) for s in p.slots],
            "capacity": p.capacity,
            "excluded_topics": sorted(p.excluded_topics),
        }

    return {
        "mentees": [person(p) for p in instance.mentees],
        "mentors": [person(p) for p in instance.mentors],
        "weights": dict(instance.weights),
        "switches": dict(instance.switches),
        "locks": sorted(map(list, instance.locks)),
        "forbids": sorted(map(list, instance.forbids)),
        "conflicts": sorted(map(list, instance.conflicts)),
        "past_pairs": sorted(map(list, instance.past_pairs)),
        "declined": sorted(map(list, instance.declined)),
        "vetoes": sorted(map(list, instance.vetoes)),
        "rankings": {
            str(k): {str(m): r for m, r in v.items()} for k, v in instance.rankings.items()
        },
        "keep": sorted(map(list, instance.keep)),
        "programme": [instance.starts_on.isoformat(), instance.ends_on.isoformat()],
    }


def inputs_hash(record: dict) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True).encode()).hexdigest()
