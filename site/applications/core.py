"""The core questions every application form must ask, with their stable keys.

Matching and eligibility read these answers as typed data, so their keys, types and choices
live in code, not in the CMS: an editor places a core question on a form (and may word its
label differently per language), but cannot rename its key or change what it asks for.
Choice values are identifiers (never translated); their labels are translated with gettext.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

MENTEE = "mentee"
MENTOR = "mentor"
BOTH = frozenset({MENTEE, MENTOR})

LANGUAGE_CHOICES = [("cs", _("Czech")), ("de", _("German")), ("en", _("English"))]

DEGREE_LEVEL_CHOICES = [
    ("bachelor", _("Bachelor's student")),
    ("master", _("Master's student")),
    ("doctoral", _("Doctoral candidate")),
    ("graduate", _("Recent graduate")),
]

ACADEMIC_RANK_CHOICES = [
    ("doctoral_researcher", _("Doctoral researcher")),
    ("postdoc", _("Postdoctoral researcher")),
    ("lecturer", _("Lecturer or assistant professor")),
    ("associate_professor", _("Associate professor")),
    ("professor", _("Professor")),
    ("other", _("Other research position")),
]

MEETING_CHOICES = [
    ("online", _("Online")),
    ("in_person", _("In person")),
    ("mixed", _("Mixed (online and in person)")),
]

#: CEFR levels plus "native"; an empty value means "not at all".
LEVEL_CHOICES = [
    ("A1", "A1"),
    ("A2", "A2"),
    ("B1", "B1"),
    ("B2", "B2"),
    ("C1", "C1"),
    ("C2", "C2"),
    ("native", _("Native speaker")),
]
#: Levels good enough to mentor in.
MENTORING_LEVELS = ("B2", "C1", "C2", "native")

WEEKDAY_CHOICES = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]

#: Blocks of the day offered for availability, in the applicant's local wall-clock time.
DAY_PARTS = [
    ("08-12", _("Morning (8–12)"), 8, 12),
    ("12-16", _("Afternoon (12–16)"), 12, 16),
    ("16-20", _("Evening (16–20)"), 16, 20),
]

CAPACITY_CHOICES = [("1", "1"), ("2", "2"), ("3", "3")]


@dataclass(frozen=True)
class CoreQuestion:
    key: str
    label: str
    roles: frozenset[str]


CORE_QUESTIONS: tuple[CoreQuestion, ...] = (
    CoreQuestion("full_name", _("Full name"), BOTH),
    CoreQuestion("email", _("Email address"), BOTH),
    CoreQuestion("preferred_language", _("Preferred language for our messages"), BOTH),
    CoreQuestion("institution", _("Home institution"), BOTH),
    CoreQuestion("faculty", _("Faculty or department"), BOTH),
    CoreQuestion("programme_or_position", _("Study programme or position"), BOTH),
    CoreQuestion("degree_level", _("Degree level"), frozenset({MENTEE})),
    CoreQuestion("academic_rank", _("Academic rank"), frozenset({MENTOR})),
    CoreQuestion("disciplines", _("Disciplines"), BOTH),
    CoreQuestion("research_interests", _("Research interests (keywords)"), BOTH),
    CoreQuestion("mentoring_languages", _("Languages for the mentoring"), BOTH),
    CoreQuestion("meeting_preference", _("How would you like to meet?"), BOTH),
    CoreQuestion("availability", _("When are you usually available?"), BOTH),
    CoreQuestion("goals", _("Your goals and wishes for the mentoring"), frozenset({MENTEE})),
    CoreQuestion("capacity", _("How many mentees can you take?"), frozenset({MENTOR})),
    CoreQuestion("cv", _("CV (PDF)"), BOTH),
    CoreQuestion("privacy_consent", _("Consent to the privacy notice"), BOTH),
)
CORE_BY_KEY = {question.key: question for question in CORE_QUESTIONS}
CORE_CHOICES = [(question.key, question.label) for question in CORE_QUESTIONS]

#: Form fields a core question adds besides its own key (availability also asks the timezone).
EXTRA_FIELD_KEYS = {"availability": ("timezone",)}


def required_core_keys(role: str) -> list[str]:
    """The core questions a form for ``role`` must contain, in their canonical order."""
    return [question.key for question in CORE_QUESTIONS if role in question.roles]


def default_questions() -> list[dict]:
    """A new form starts with every core question (in raw StreamField form); questions of the
    other role are simply not asked, so editors only add their own questions."""
    return [
        {"type": "core", "value": {"question": question.key, "label": "", "help_text": ""}}
        for question in CORE_QUESTIONS
    ]
