"""Stable keys of the soft criteria and hard constraints (identifiers, never translated)."""

DISCIPLINE = "discipline"
INTERESTS = "interests"
GOALS = "goals"
AVAILABILITY = "availability"
MEETING = "meeting"
WISHES = "wishes"
CRITERIA = (DISCIPLINE, INTERESTS, GOALS, AVAILABILITY, MEETING, WISHES)

#: Points per criterion (a criterion scores 0–1, times its weight); coordinators edit them.
DEFAULT_WEIGHTS: dict[str, float] = {
    DISCIPLINE: 3.0,
    INTERESTS: 2.0,
    GOALS: 2.0,
    AVAILABILITY: 2.0,
    MEETING: 1.0,
    WISHES: 2.0,
}

CROSS_BORDER = "cross_border"
LANGUAGE = "language"
CAPACITY = "capacity"
FORBID = "forbid"
CONFLICT = "conflict"
REPEAT = "repeat"
DECLINED = "declined"
VETO = "veto"
EXCLUDED_TOPIC = "excluded_topic"
CONSTRAINTS = (
    CROSS_BORDER,
    LANGUAGE,
    CAPACITY,
    FORBID,
    CONFLICT,
    REPEAT,
    DECLINED,
    VETO,
    EXCLUDED_TOPIC,
)

#: Every hard constraint applies unless a coordinator switches it off for a cohort.
DEFAULT_SWITCHES: dict[str, bool] = dict.fromkeys(CONSTRAINTS, True)
