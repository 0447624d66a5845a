"""Tailoring an agreement to a pair: the template's clauses in each party's language, with the
pair's data in the placeholders.

Placeholders are ``{{ name }}`` in the editors' clause text. They are replaced by plain string
substitution (never the Django template engine, so clause text cannot run template code), and
the values are inserted as text: the PDF template escapes them. A placeholder that has no value
(an unknown name, or an empty answer such as blank goals) stays in the text, and issuing is
refused until the coordinator writes that part by hand.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils import formats, translation
from django.utils.translation import gettext as _

PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}")
LANGUAGES = ("cs", "de", "en")

#: The placeholders editors may use, with what each holds (shown in the admin help).
PLACEHOLDERS = (
    "mentee_name",
    "mentor_name",
    "mentee_email",
    "mentor_email",
    "mentee_institution",
    "mentor_institution",
    "mentee_goals",
    "meeting_plan",
    "programme_period",
    "cohort",
)


def party_language(application: Any) -> str:
    """The party's language for the agreement: their own (preference, else as applied)."""
    language = application.person.preferred_language or application.language or "en"
    language = language.split("-")[0].lower()
    return language if language in LANGUAGES else "en"


def languages_for(match: Any) -> list[str]:
    """The mentee's language, then the mentor's when it differs (two columns)."""
    first = party_language(match.mentee_application)
    second = party_language(match.mentor_application)
    return [first] if first == second else [first, second]


def _profile(application: Any) -> Any:
    return getattr(application, "profile", None)


def _institution(application: Any) -> str:
    profile = _profile(application)
    return str(profile.institution.name) if profile is not None else ""


def meeting_plan(match: Any, language: str) -> str:
    """How the pair means to meet, in ``language``, from the mentee's stated preference."""
    from applications.core import MEETING_CHOICES

    profile = _profile(match.mentee_application)
    preference = profile.meeting_preference if profile is not None else ""
    with translation.override(language):
        labels = dict(MEETING_CHOICES)
        how = str(labels[preference]) if preference in labels else ""
        activities = _(
            "programme activities: workshops, conferences, lab and company visits, meetings "
            "with doctoral students"
        )
        if not how:
            return ""
        return _(
            "%(how)s, at least once a month, at either university or online; plus %(activities)s"
        ) % {"how": how, "activities": activities}


def placeholder_values(match: Any, language: str) -> dict[str, str]:
    """Every placeholder's value for ``match`` in ``language`` (empty when unknown)."""
    from base.localization import localized_title

    mentee, mentor = match.mentee_application, match.mentor_application
    cohort = match.cohort
    with translation.override(language):
        starts = formats.date_format(cohort.programme_starts_on, "DATE_FORMAT")
        ends = formats.date_format(cohort.programme_ends_on, "DATE_FORMAT")
    period = f"{starts} – {ends}"
    mentee_profile = _profile(mentee)
    return {
        "mentee_name": mentee.person.full_name,
        "mentor_name": mentor.person.full_name,
        "mentee_email": mentee.person.email,
        "mentor_email": mentor.person.email,
        "mentee_institution": _institution(mentee),
        "mentor_institution": _institution(mentor),
        "mentee_goals": (mentee_profile.goals.strip() if mentee_profile is not None else ""),
        "meeting_plan": meeting_plan(match, language),
        "programme_period": period,
        "cohort": localized_title(cohort, language),
    }


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with every known, non-empty placeholder replaced by its value."""

    def replace(found: re.Match) -> str:
        value = values.get(found.group(1), "")
        return value if value else found.group(0)

    return PLACEHOLDER.sub(replace, text)


def unresolved(text_by_language: dict[str, list[dict[str, str]]]) -> dict[str, list[str]]:
    """The placeholders still in the text, by language (empty dict: all resolved)."""
    found: dict[str, list[str]] = {}
    for language, clauses in text_by_language.items():
        names = sorted(
            {
                match.group(1)
                for clause in clauses
                for part in (clause.get("heading", ""), clause.get("body", ""))
                for match in PLACEHOLDER.finditer(part)
            }
        )
        if names:
            found[language] = names
    return found


def template_in(template: Any, language: str) -> Any:
    """The template's translation into ``language`` (the template itself when untranslated)."""
    if template is None:
        return None
    from wagtail.models import Locale

    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return template
    return template.get_translation_or_none(locale) or template


def template_clauses(template: Any, language: str) -> list[dict[str, str]]:
    """The clauses of ``template`` in ``language`` (built-in ones when no template is set)."""
    translated = template_in(template, language)
    if translated is None:
        return default_clauses(language)
    return [
        {"heading": block.value["heading"], "body": block.value["body"]}
        for block in translated.clauses
        if block.block_type == "clause"
    ]


def default_clauses(language: str) -> list[dict[str, str]]:
    """The programme's standard clauses, for cohorts whose editors chose no template."""
    with translation.override(language):
        return [
            {
                "heading": _("Parties"),
                "body": _(
                    "This agreement is made between {{ mentee_name }} ({{ mentee_institution }},"
                    " {{ mentee_email }}), the mentee, and {{ mentor_name }} "
                    "({{ mentor_institution }}, {{ mentor_email }}), the mentor, within "
                    "{{ cohort }} of the careerSTEPS programme."
                ),
            },
            {
                "heading": _("Goals"),
                "body": _(
                    "The mentee wishes to work on the following goals:\n\n{{ mentee_goals }}"
                ),
            },
            {
                "heading": _("Meetings"),
                "body": _("The pair meets as follows: {{ meeting_plan }}."),
            },
            {
                "heading": _("Programme period"),
                "body": _("The mentoring runs from {{ programme_period }}."),
            },
            {
                "heading": _("Confidentiality"),
                "body": _(
                    "Both parties keep what they learn about each other in confidence and share "
                    "no personal data of the other party without consent."
                ),
            },
        ]


def draft_text(match: Any, template: Any) -> dict[str, list[dict[str, str]]]:
    """The tailored draft: every clause, in each party's language, placeholders filled."""
    text: dict[str, list[dict[str, str]]] = {}
    for language in languages_for(match):
        values = placeholder_values(match, language)
        text[language] = [
            {"heading": fill(c["heading"], values), "body": fill(c["body"], values)}
            for c in template_clauses(template, language)
        ]
    return text


def as_editable(clauses: list[dict[str, str]]) -> str:
    """A language's clauses as one text a coordinator edits: ``## heading`` lines start clauses."""
    return "\n\n".join(f"## {c['heading']}\n{c['body']}" for c in clauses)


def from_editable(text: str) -> list[dict[str, str]]:
    """The inverse of :func:`as_editable`."""
    clauses: list[dict[str, str]] = []
    for chunk in re.split(r"(?m)^## ", text.replace("\r\n", "\n")):
        if not chunk.strip():
            continue
        heading, _newline, body = chunk.partition("\n")
        clauses.append({"heading": heading.strip(), "body": body.strip()})
    return clauses
