"""Step 92: the pilot cohort 2023/24 replayed as it ran, from the first application to the end.

Ten mentees from OTH Amberg-Weiden and ten mentors from the University of West Bohemia apply
in October 2023 (each in their own language, with a PDF CV), are reviewed and accepted in
October/November, matched in pairs, sign their agreements and mentor until July 2024. Every
step goes through the workflow engine with the day it happened (``occurred_at``), so the
history reads like the real year, and with every effect switched off: nobody is emailed about
2023. An applicant who already has an application in the pilot is left alone, so a second run
adds nothing.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from workflows.engine.actors import Actor

from ..content import pilot as content
from ..context import LoadContext
from . import _applicants as applicants
from .cohorts import pilot
from .forms import form_page
from .institutions import institution

ORDER = 92

#: Roughly one application a day, mentees in the mornings, mentors in the afternoons.
SPACING = datetime.timedelta(days=1, hours=1, minutes=17)


def load(context: LoadContext) -> None:
    cohort = pilot()
    User = get_user_model()
    coordinator = Actor(user=User.objects.get(username="coordinator"))
    reviewer = User.objects.get(username="reviewer")
    applicants.ensure_rubrics()
    oth, uwb = institution("oth"), institution("uwb")
    for number, (mentee, mentor) in enumerate(zip(content.MENTEES, content.MENTORS, strict=True)):
        people = (
            ("mentee", mentee, oth, mentee["preferred_language"], content.MENTEE_REVIEW),
            ("mentor", {**mentor, "preferred_language": "cs"}, uwb, "cs", content.MENTOR_REVIEW),
        )
        pair = []
        for role, spec, home, language, (scores, comment) in people:
            found = applicants.existing(cohort, role, spec["email"])
            if found is not None:
                pair.append(None)
                continue
            submitted = content.SUBMITTED_FROM + number * SPACING
            if role == "mentor":
                submitted += datetime.timedelta(hours=5)
            application = applicants.submit(
                form_page=form_page(cohort, role, language),
                spec=spec,
                institution=home,
                occurred_at=submitted,
                send_confirmation=False,
            )
            context.record("application", "created", f"pilot {role}: {spec['full_name']}")
            applicants.replay(application, "start_review", coordinator, content.REVIEW_STARTS)
            step = datetime.timedelta(hours=3 * number + (1 if role == "mentor" else 0))
            applicants.review(
                application,
                reviewer=reviewer,
                coordinator=coordinator.user,
                assigned_at=content.REVIEW_STARTS,
                due_on=(content.REVIEW_STARTS + datetime.timedelta(days=14)).date(),
                reviewed_at=content.REVIEWED_FROM + step,
                scores=scores,
                recommendation="accept",
                comment=comment,
            )
            applicants.replay(
                application,
                "accept",
                coordinator,
                content.DECIDED + datetime.timedelta(minutes=number),
            )
            pair.append(application)
        if None in pair:
            continue
        mentee_application, mentor_application = pair
        run_the_year(mentee_application, mentor_application, coordinator)


def run_the_year(mentee, mentor, coordinator: Actor) -> None:
    """Matched, agreement signed, mentoring, completed: both applications of one tandem."""
    system = Actor.system()
    for application, partner in ((mentee, mentor), (mentor, mentee)):
        applicants.replay(
            application,
            "match",
            coordinator,
            content.MATCHED,
            comment=f"Tandem: {partner.person.full_name}",
        )
        applicants.replay(application, "prepare_agreement", system, content.AGREEMENT)
        applicants.replay(application, "activate", system, content.ACTIVE)
        applicants.replay(application, "complete", coordinator, content.COMPLETED)
