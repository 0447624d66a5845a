"""Step 95: matching. The pilot's ten tandems as Match records, and an open intake ready to match.

* The pilot (2023/24): the ten historical pairs (mentee ``i`` with mentor ``i``) go through the
  real matching code: a matching run scores every pilot mentee against every mentor with the
  programme's criteria and solves with the ten pairs locked, so each Match carries its score
  breakdown and the run its totals beside greedy's; then the coordinator approves them on
  8 November 2023 and mentee and mentor confirm on the following days (replayed: no emails).
  The applications had already moved on in the pilot replay, so only the pairs' keyed hashes
  are added (a later cohort will not pair them again).
* The open intake: seven more applicants (four mentees, three mentors), submitted through the
  real form a few days ago and accepted by the coordinator, so the demo coordinator can start
  a matching run from Matching → the open cohort.
A second run changes nothing: the pilot's matches exist, the open applicants exist.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from applications.models import Application
from workflows.engine.actors import Actor
from workflows.engine.engine import record_start
from workflows.matching import services
from workflows.matching.data import Instance
from workflows.matching.explain import unmatched_reasons
from workflows.matching.inputs import applied_capacity, describe, inputs_hash, participant
from workflows.matching.keys import DEFAULT_SWITCHES, DEFAULT_WEIGHTS, VETO, WISHES
from workflows.matching.lifecycle import MATCH
from workflows.matching.models import Match, MatchingRun
from workflows.matching.scoring import breakdown
from workflows.matching.solver import evaluate, greedy, solve, top_three

from ..content import pilot as content
from ..context import LoadContext
from . import _applicants as applicants
from .cohorts import open_intake, pilot
from .forms import form_page
from .institutions import institution

ORDER = 95
DAY = datetime.timedelta(days=1)

#: Accepted in the open intake, ready for a run (invented people, example addresses).
OPEN_ACCEPTED: list[dict] = [
    {
        "role": "mentee",
        "institution": "oth",
        "days_ago": 12,
        "full_name": "Johanna Lindner",
        "email": "johanna.lindner@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Elektrotechnik, Medien und Informatik",
        "programme_or_position": "Angewandte Informatik (M.Sc.)",
        "degree_level": "master",
        "disciplines": ["computer-science"],
        "research_interests": "maschinelles Lernen, Bildverarbeitung",
        "languages": {"de": "native", "en": "C1"},
        "meeting_preference": "online",
        "availability": ["1-16-20", "3-16-20"],
        "goals": "Ich möchte wissen, ob eine Promotion im maschinellen Lernen zu mir passt, "
        "und wie man eine erste Publikation schreibt.",
    },
    {
        "role": "mentee",
        "institution": "oth",
        "days_ago": 12,
        "full_name": "Tobias Reiter",
        "email": "tobias.reiter@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Maschinenbau/Umwelttechnik",
        "programme_or_position": "Maschinenbau (M.Eng.)",
        "degree_level": "master",
        "disciplines": ["mechanical-engineering"],
        "research_interests": "additive Fertigung, Werkstoffe",
        "languages": {"de": "native", "en": "B2", "cs": "A2"},
        "meeting_preference": "mixed",
        "availability": ["0-12-16", "2-12-16"],
        "goals": "Ich suche Rat zur Promotion in der additiven Fertigung und zu "
        "Forschungsanträgen.",
    },
    {
        "role": "mentee",
        "institution": "oth",
        "days_ago": 11,
        "full_name": "Clara Vogt",
        "email": "clara.vogt@oth-aw.example.de",
        "preferred_language": "en",
        "faculty": "Fakultät Wirtschaftsingenieurwesen und Gesundheit",
        "programme_or_position": "Medizintechnik (M.Sc.)",
        "degree_level": "master",
        "disciplines": ["medical-technology"],
        "research_interests": "biomechanics, rehabilitation",
        "languages": {"de": "native", "en": "C1"},
        "meeting_preference": "in_person",
        "availability": ["4-08-12", "2-08-12"],
        "goals": "I want to understand research careers in biomechanics and how a doctorate "
        "in rehabilitation engineering works.",
    },
    {
        "role": "mentee",
        "institution": "oth",
        "days_ago": 11,
        "full_name": "Niklas Brandl",
        "email": "niklas.brandl@oth-aw.example.de",
        "preferred_language": "de",
        "faculty": "Fakultät Elektrotechnik, Medien und Informatik",
        "programme_or_position": "Elektro- und Informationstechnik (M.Eng.)",
        "degree_level": "master",
        "disciplines": ["electrical-engineering"],
        "research_interests": "Leistungselektronik, Energiespeicher",
        "languages": {"de": "native", "en": "C1"},
        "meeting_preference": "online",
        "availability": ["1-12-16", "3-12-16"],
        "goals": "Mein Ziel ist eine kooperative Promotion in der Leistungselektronik.",
    },
    {
        "role": "mentor",
        "institution": "uwb",
        "days_ago": 12,
        "full_name": "doc. Ing. Martin Kovář, Ph.D.",
        "email": "martin.kovar@zcu.example.cz",
        "preferred_language": "cs",
        "faculty": "Fakulta aplikovaných věd",
        "programme_or_position": "Katedra informatiky a výpočetní techniky",
        "academic_rank": "associate_professor",
        "disciplines": ["computer-science"],
        "research_interests": "strojové učení, počítačové vidění",
        "languages": {"cs": "native", "en": "C1", "de": "B2"},
        "meeting_preference": "online",
        "availability": ["1-16-20", "3-12-16"],
        "capacity": 2,
    },
    {
        "role": "mentor",
        "institution": "uwb",
        "days_ago": 11,
        "full_name": "Ing. Lucie Malá, Ph.D.",
        "email": "lucie.mala@zcu.example.cz",
        "preferred_language": "cs",
        "faculty": "Fakulta strojní",
        "programme_or_position": "Katedra technologie obrábění",
        "academic_rank": "lecturer",
        "disciplines": ["mechanical-engineering"],
        "research_interests": "aditivní výroba, materiály",
        "languages": {"cs": "native", "de": "C1", "en": "C1"},
        "meeting_preference": "mixed",
        "availability": ["0-12-16", "2-12-16"],
        "capacity": 1,
    },
    {
        "role": "mentor",
        "institution": "uwb",
        "days_ago": 10,
        "full_name": "prof. Ing. Jan Beneš, CSc.",
        "email": "jan.benes@zcu.example.cz",
        "preferred_language": "cs",
        "faculty": "Fakulta elektrotechnická",
        "programme_or_position": "Katedra výkonové elektroniky a strojů",
        "academic_rank": "professor",
        "disciplines": ["electrical-engineering", "medical-technology"],
        "research_interests": "leistungselektronik, biomechanics",
        "languages": {"cs": "native", "de": "C1", "en": "C2"},
        "meeting_preference": "mixed",
        "availability": ["1-12-16", "4-08-12"],
        "capacity": 2,
    },
]


def load(context: LoadContext) -> None:
    coordinator = Actor(user=get_user_model().objects.get(username="coordinator"))
    replay_pilot(context, coordinator)
    accept_open_intake(context, coordinator)


def replay_pilot(context: LoadContext, coordinator: Actor) -> None:
    cohort = pilot()
    if Match.objects.filter(cohort=cohort).exists():
        return
    pairs = []
    for mentee_spec, mentor_spec in zip(content.MENTEES, content.MENTORS, strict=True):
        mentee = applicants.existing(cohort, "mentee", mentee_spec["email"])
        mentor = applicants.existing(cohort, "mentor", mentor_spec["email"])
        if mentee is None or mentor is None:
            return  # the pilot replay did not run (``--only``): nothing to match
        pairs.append((mentee, mentor))
    mentees = [participant(a) for a, _m in pairs]
    mentors = [participant(m, capacity=max(applied_capacity(m), 1)) for _a, m in pairs]
    weights = {**DEFAULT_WEIGHTS, WISHES: 0.0}
    instance = Instance(
        mentees=tuple(mentees),
        mentors=tuple(mentors),
        weights=weights,
        switches={**DEFAULT_SWITCHES, VETO: False},
        locks=frozenset((a.pk, m.pk) for a, m in pairs),
        starts_on=cohort.programme_starts_on,
        ends_on=cohort.programme_ends_on,
    )
    ev = evaluate(instance)
    solution = solve(ev)
    baseline = greedy(ev)
    record = describe(instance)
    proposed_at = content.MATCHED - datetime.timedelta(hours=2)
    run = MatchingRun.objects.create(
        cohort=cohort,
        started_by=coordinator.user,
        state=MatchingRun.State.DONE,
        keep_proposals=False,
        progress=100,
        inputs=record,
        inputs_hash=inputs_hash(record),
        weights=weights,
        switches=dict(instance.switches),
        total_score=round(solution.total, 3),
        greedy_total=round(baseline.total, 3),
        matched_count=solution.matched,
        result={
            "pairs": [
                {
                    "mentee": mentees[i].id,
                    "mentor": mentors[j].id,
                    "score": round(float(ev.scores[i, j]), 3),
                    "breakdown": breakdown(instance, ev.values, i, j),
                }
                for i, j in solution.pairs
            ],
            "matched": solution.matched,
            "mentees": len(mentees),
            "places": int(ev.capacities.sum()),
            "total": round(solution.total, 3),
            "greedy": {"total": round(baseline.total, 3), "matched": baseline.matched},
            "blocking_count": 0,
            "blocking": [],
            "top3": top_three(ev, solution),
            "unmatched": {
                side: {str(k): v for k, v in reasons.items()}
                for side, reasons in unmatched_reasons(ev, solution).items()
            },
            "note": "The pilot's historical pairs, locked (replayed).",
        },
        started_at=proposed_at,
        finished_at=proposed_at,
    )
    MatchingRun.objects.filter(pk=run.pk).update(created_at=proposed_at)
    for number, (i, j) in enumerate(solution.pairs):
        mentee_app, mentor_app = pairs[i][0], pairs[j][1]
        match = Match.objects.create(
            cohort=cohort,
            mentee_application=mentee_app,
            mentor_application=mentor_app,
            score=round(float(ev.scores[i, j]), 3),
            breakdown=breakdown(instance, ev.values, i, j),
            run=run,
        )
        record_start(MATCH, match, coordinator, occurred_at=proposed_at)
        Match.objects.filter(pk=match.pk).update(created_at=proposed_at)
        services.approve(match, coordinator, occurred_at=content.MATCHED, quiet=True)
        mentee_yes = content.MATCHED + DAY + datetime.timedelta(hours=number)
        services.confirm(match, Actor(person=mentee_app.person), occurred_at=mentee_yes, quiet=True)
        services.confirm(
            match,
            Actor(person=mentor_app.person),
            occurred_at=mentee_yes + datetime.timedelta(hours=5),
            quiet=True,
        )
        context.record("match", "created", f"pilot: {match}")


def accept_open_intake(context: LoadContext, coordinator: Actor) -> None:
    cohort = open_intake(context)
    for spec in OPEN_ACCEPTED:
        role = spec["role"]
        if applicants.existing(cohort, role, spec["email"]) is not None:
            continue
        submitted = (context.now - spec["days_ago"] * DAY).replace(microsecond=0)
        submitted = min(submitted, timezone.now())
        application: Application = applicants.submit(
            form_page=form_page(cohort, role, spec["preferred_language"]),
            spec=spec,
            institution=institution(spec["institution"]),
            occurred_at=submitted,
            # Applied in this intake, like the review queue's applicants: confirmed by email.
            send_confirmation=True,
        )
        applicants.replay(application, "start_review", coordinator, submitted + DAY)
        applicants.replay(application, "accept", coordinator, submitted + 3 * DAY)
        context.record("application", "created", f"open intake, accepted {role}: {spec['email']}")
