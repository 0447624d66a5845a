"""Matching: scoring plus solving for the pilot's size and for a large programme.

* ``matching.pilot``: the pilot cohort's ten mentees and ten mentors, built from the demo's
  own answers (:mod:`demo.content.pilot`), as the solver sees them;
* ``matching.large``: 2,000 mentees and 1,000 mentors of capacity 2 with realistic profiles
  (seeded): nine disciplines, interests from each discipline's keywords, goals written in
  German, English or Czech, languages at CEFR levels, two weekly slots, most people in
  Central Europe and some in London, New York or Tokyo, over a November–July programme.

Each row's notes give the median in seconds, the peak memory of the process (``peak_mb``),
the pairs matched and the optimal and greedy totals on the same input. No database needed.
"""

from __future__ import annotations

import datetime
import random

from bench.measure import Row, measure, peak_rss
from bench.options import Options
from workflows.matching.data import Instance, Participant
from workflows.matching.solver import evaluate, greedy, solve

NEEDS_DB = False

DISCIPLINES = {
    "mechanical-engineering": ["additive manufacturing", "lightweight design", "cad", "tribology"],
    "electrical-engineering": ["power electronics", "e-mobility", "sensors", "smart grids"],
    "computer-science": ["machine learning", "computer vision", "it security", "databases"],
    "applied-mathematics": ["optimisation", "statistics", "numerical methods", "graphs"],
    "economics": ["supply chains", "marketing", "regional economics", "finance"],
    "industrial-engineering": ["industry 4.0", "logistics", "lean production", "quality"],
    "environmental-engineering": ["hydrogen", "energy storage", "circular economy", "water"],
    "medical-technology": ["biomechanics", "rehabilitation", "medical imaging", "implants"],
    "languages-and-cultures": ["intercultural management", "translation", "czech-bavarian"],
}
GOALS = {
    "de": "Ich möchte herausfinden, ob eine Promotion im Bereich {topic} zu mir passt, und "
    "suche Rat zur Forschung und zu Anträgen.",
    "en": "I want to understand how a doctorate in {topic} works and how to publish my "
    "first research paper.",
    "cs": "Chci zjistit, zda je doktorské studium v oblasti {topic} pro mě, a získat radu k "
    "výzkumu a grantům.",
}
ZONES = (
    ["Europe/Prague"] * 6
    + ["Europe/Berlin"] * 6
    + [
        "Europe/London",
        "America/New_York",
        "Asia/Tokyo",
    ]
)
LEVELS = ["B1", "B2", "C1", "C2"]


def _slots(rng: random.Random) -> tuple[tuple[int, int, int], ...]:
    chosen = set()
    while len(chosen) < 2:
        chosen.add((rng.randrange(5), rng.choice([8, 12, 16]) * 60))
    return tuple(sorted((day, start, start + 240) for day, start in chosen))


def _person(rng: random.Random, id_: int, role: str) -> Participant:
    keys = rng.sample(list(DISCIPLINES), rng.choice([1, 1, 2]))
    interests = frozenset(rng.sample(DISCIPLINES[keys[0]], 2))
    if role == "mentee":
        country = "DE" if rng.random() < 0.85 else "CZ"
        own = "de" if country == "DE" else "cs"
    else:
        country = "CZ" if rng.random() < 0.85 else rng.choice(["DE", "AT"])
        own = "cs" if country == "CZ" else "de"
    languages = {own: "native", "en": rng.choice(LEVELS)}
    if rng.random() < 0.2:
        languages["de" if own == "cs" else "cs"] = rng.choice(LEVELS)
    topic = ", ".join(sorted(interests))
    text = (
        GOALS[rng.choice(["de", "en", "en", "cs"])].format(topic=topic)
        if role == "mentee"
        else f"{' '.join(keys)} {topic} research supervision"
    )
    return Participant(
        id=id_,
        country=country,
        institution=f"{country}-{rng.randrange(6)}",
        faculty=f"faculty {rng.randrange(8)}",
        languages=languages,
        disciplines=frozenset(keys),
        interests=interests,
        text=text,
        meeting=rng.choice(["online", "in_person", "mixed", "mixed"]),
        timezone=rng.choice(ZONES),
        slots=_slots(rng),
        capacity=2 if role == "mentor" else 1,
        label=f"{role} {id_}",
    )


def large_instance(mentees: int = 2000, mentors: int = 1000, seed: int = 42) -> Instance:
    rng = random.Random(seed)
    return Instance(
        mentees=tuple(_person(rng, i, "mentee") for i in range(1, mentees + 1)),
        mentors=tuple(_person(rng, 100_000 + j, "mentor") for j in range(1, mentors + 1)),
        starts_on=datetime.date(2026, 11, 1),
        ends_on=datetime.date(2027, 7, 31),
    )


def pilot_instance() -> Instance:
    """The pilot's people as matching sees them, from the demo's answers (no database)."""
    from demo.content import pilot

    def person(index: int, answers: dict, role: str) -> Participant:
        slots = []
        for slot in answers.get("availability", []):
            day, start, end = (int(x) for x in slot.split("-"))
            slots.append((day, start * 60, end * 60))
        interests = [x.strip().lower() for x in answers.get("research_interests", "").split(",")]
        return Participant(
            id=index if role == "mentee" else 100 + index,
            country="DE" if role == "mentee" else "CZ",
            institution="oth" if role == "mentee" else "zcu",
            faculty=answers.get("faculty", ""),
            languages=dict(answers.get("languages", {})),
            disciplines=frozenset(answers.get("disciplines", [])),
            interests=frozenset(x for x in interests if x),
            text=answers.get("goals")
            or " ".join(
                [answers.get("programme_or_position", ""), answers.get("research_interests", "")]
            ),
            meeting=answers.get("meeting_preference", "mixed"),
            timezone="Europe/Berlin" if role == "mentee" else "Europe/Prague",
            slots=tuple(slots),
            capacity=int(answers.get("capacity", 1) or 1),
            label=answers.get("full_name", ""),
        )

    return Instance(
        mentees=tuple(person(i, a, "mentee") for i, a in enumerate(pilot.MENTEES, 1)),
        mentors=tuple(person(i, a, "mentor") for i, a in enumerate(pilot.MENTORS, 1)),
        starts_on=datetime.date(2023, 11, 1),
        ends_on=datetime.date(2024, 7, 31),
    )


def _row(name: str, instance: Instance, options: Options, repeat: int) -> Row:
    outcome: dict = {}

    def score_and_solve() -> None:
        ev = evaluate(instance)
        solution = solve(ev)
        outcome.update(ev=ev, solution=solution)

    row = measure(
        name,
        score_and_solve,
        repeat=repeat,
        limit_scale=options.limit_scale,
        count_queries=False,
    )
    ev, solution = outcome["ev"], outcome["solution"]
    baseline = greedy(ev)
    row.notes = {
        "median_s": round(row.median_ms / 1000, 3),
        "peak_mb": round(peak_rss() / 1024, 1),
        "mentees": len(instance.mentees),
        "mentors": len(instance.mentors),
        "matched": solution.matched,
        "optimal_total": round(solution.total, 2),
        "greedy_total": round(baseline.total, 2),
        "greedy_matched": baseline.matched,
    }
    return row


def rows(options: Options) -> list[Row]:
    return [
        _row("matching.pilot", pilot_instance(), options, options.repeat),
        _row("matching.large", large_instance(), options, min(options.repeat, 3)),
    ]
