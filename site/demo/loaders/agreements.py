"""Step 96: the pilot's agreements, issued, signed and sealed on their historical dates.

For every confirmed pilot match (made by the matching step) without an agreement: the
programme's template (English, Czech, German) tailors the draft, the coordinator issues it on
13 November 2023, the mentee signs the next day, the mentor the day after, the coordinator
countersigns, and the final PDF is sealed. Effects are switched off (nobody is emailed about
2023); the PDFs are rendered here directly. A pair that already has an agreement is left
alone, so a second run changes nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from wagtail.models import Locale

from workflows.engine.actors import Actor

from ..content import pilot as content
from ..context import LoadContext
from .cohorts import pilot

ORDER = 96
QUIET = frozenset({"notify", "render_pdf", "seal"})

TEMPLATE = {
    "en": (
        "careerSTEPS mentoring agreement",
        [
            (
                "Parties",
                (
                    "{{ mentee_name }} ({{ mentee_institution }}, {{ "
                    "mentee_email }}), mentee, and {{ "
                    "mentor_name }} ({{ mentor_institution }}, {{ mentor_email "
                    "}}), mentor, agree to "
                    "mentoring within {{ cohort }}."
                ),
            ),
            ("Goals", "The mentee's goals and wishes:\n\n{{ mentee_goals }}"),
            ("Meetings", "{{ meeting_plan }}."),
            ("Programme period", "{{ programme_period }}."),
            (
                "Confidentiality",
                (
                    "Both keep in confidence what they learn about each other "
                    "and share no personal "
                    "data of the other without consent."
                ),
            ),
        ],
    ),
    "cs": (
        "Dohoda o mentoringu careerSTEPS",
        [
            (
                "Smluvní strany",
                (
                    "{{ mentee_name }} ({{ mentee_institution }}, {{ "
                    "mentee_email }}), mentee, a {{ "
                    "mentor_name }} ({{ mentor_institution }}, {{ mentor_email "
                    "}}), mentor, se dohodli"
                    " na mentoringu v rámci {{ cohort }}."
                ),
            ),
            ("Cíle", "Cíle a přání mentee:\n\n{{ mentee_goals }}"),
            ("Schůzky", "{{ meeting_plan }}."),
            ("Doba trvání programu", "{{ programme_period }}."),
            (
                "Důvěrnost",
                (
                    "Obě strany zachovávají mlčenlivost o tom, co se o sobě "
                    "dozví, a nesdílejí osobní "
                    "údaje druhé strany bez jejího souhlasu."
                ),
            ),
        ],
    ),
    "de": (
        "careerSTEPS-Mentoring-Vereinbarung",
        [
            (
                "Vertragsparteien",
                (
                    "{{ mentee_name }} ({{ mentee_institution }}, {{ "
                    "mentee_email }}), Mentee, und {{ "
                    "mentor_name }} ({{ mentor_institution }}, {{ mentor_email }}), Mentor, "
                    "vereinbaren ein Mentoring im Rahmen von {{ cohort }}."
                ),
            ),
            ("Ziele", "Ziele und Wünsche des Mentees:\n\n{{ mentee_goals }}"),
            ("Treffen", "{{ meeting_plan }}."),
            ("Programmzeitraum", "{{ programme_period }}."),
            (
                "Vertraulichkeit",
                (
                    "Beide behandeln vertraulich, was sie übereinander erfahren, und geben keine "
                    "personenbezogenen Daten der anderen Seite ohne deren Zustimmung weiter."
                ),
            ),
        ],
    ),
}


def ensure_template():
    """The programme's template in English with its Czech and German translations."""
    from workflows.agreements.models import AgreementTemplate

    english = Locale.objects.get(language_code="en")
    title, clauses = TEMPLATE["en"]
    source = AgreementTemplate.objects.filter(locale=english, title=title).first()
    if source is None:
        source = AgreementTemplate.objects.create(
            title=title, clauses=_stream(clauses), locale=english
        )
        source.save_revision()
    for code in ("cs", "de"):
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None or source.get_translation_or_none(locale) is not None:
            continue
        title, clauses = TEMPLATE[code]
        AgreementTemplate.objects.create(
            title=title,
            clauses=_stream(clauses),
            locale=locale,
            translation_key=source.translation_key,
        )
    return source


def _stream(clauses):
    return [("clause", {"heading": heading, "body": body}) for heading, body in clauses]


def load(context: LoadContext) -> None:
    cohort = pilot()
    coordinator = get_user_model().objects.get(username="coordinator")
    for agreement in replay(cohort, coordinator, content.AGREEMENT):
        context.record("agreement", "created", str(agreement))


def replay(cohort, user, issued_at: datetime.datetime) -> list:
    """Issue, sign and seal an agreement for every confirmed match of ``cohort`` that has
    none, on the days after ``issued_at``; returns the agreements made (none on a re-run)."""
    from workflows.agreements import services
    from workflows.agreements.models import Agreement, SigningEvent
    from workflows.matching.lifecycle import CONFIRMED
    from workflows.matching.models import Match

    template = ensure_template()
    settings = services.settings_for(cohort)
    if settings.template_id is None:
        settings.template = template
        settings.save(update_fields=["template"])
    coordinator = Actor(user=user)
    made = []
    matches = Match.objects.filter(cohort=cohort, state=CONFIRMED).order_by("pk")
    for number, match in enumerate(matches):
        if Agreement.objects.filter(match=match).exists():
            continue
        when = issued_at + datetime.timedelta(minutes=10 * number)
        agreement = services.create_draft(match, coordinator, occurred_at=when)
        services.issue(agreement, coordinator, occurred_at=when, disabled_effects=QUIET)
        services.ensure_issued_pdf(agreement)
        signers = (
            ("mentee", Actor(person=match.mentee_application.person), 1),
            ("mentor", Actor(person=match.mentor_application.person), 2),
            ("coordinator", coordinator, 3),
        )
        for role, actor, days in signers:
            if role not in agreement.order:
                continue
            name = actor.person.full_name if actor.person else (user.get_full_name() or "x")
            services.sign(
                agreement,
                role,
                actor,
                typed_name=name,
                shown_sha256=agreement.issued_sha256,
                method=SigningEvent.Method.REPLAY,
                occurred_at=when + datetime.timedelta(days=days, hours=number % 5),
                disabled_effects=QUIET,
            )
        services.ensure_sealed(agreement, occurred_at=when + datetime.timedelta(days=3, hours=6))
        made.append(agreement)
    return made
