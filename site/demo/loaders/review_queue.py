"""Step 94: the open intake with review in progress, so each demo login has work waiting.

A few applications arrived in the last days, in Czech, German and English: the demo
``reviewer`` has reviews to write ("My reviews"), the ``coordinator`` has a reviewed
application to decide, and one applicant was asked for changes (the portal's amend flow).
Unlike the pilot these are today's events: the applicants' confirmation emails and the
request for changes are queued in the outbox (var/mail once a worker runs), once, because an
applicant who already applied is left alone on the next run.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from workflows.engine.actors import Actor

from ..content.intake import APPLICANTS
from ..context import LoadContext
from . import _applicants as applicants
from .cohorts import open_intake
from .forms import form_page
from .institutions import institution

ORDER = 94

DAY = datetime.timedelta(days=1)


def load(context: LoadContext) -> None:
    cohort = open_intake(context)
    User = get_user_model()
    coordinator = User.objects.get(username="coordinator")
    reviewer = User.objects.get(username="reviewer")
    applicants.ensure_rubrics()
    as_coordinator = Actor(user=coordinator)
    for spec in APPLICANTS:
        role = spec["role"]
        if applicants.existing(cohort, role, spec["email"]) is not None:
            continue
        submitted = (context.now - spec["days_ago"] * DAY).replace(microsecond=0)
        application = applicants.submit(
            form_page=form_page(cohort, role, spec["preferred_language"]),
            spec=spec,
            institution=institution(spec["institution"]),
            occurred_at=submitted,
            send_confirmation=True,
        )
        context.record("application", "created", f"open intake {role}: {spec['full_name']}")
        assigned = submitted + DAY
        applicants.replay(application, "start_review", as_coordinator, assigned)
        scores, comment = spec.get("review", ((), ""))
        applicants.review(
            application,
            reviewer=reviewer,
            coordinator=coordinator,
            assigned_at=assigned,
            due_on=(assigned + 14 * DAY).date(),
            reviewed_at=assigned + DAY,
            scores=scores,
            recommendation="request_changes" if "changes" in spec else "accept",
            comment=comment,
        )
        if "changes" in spec:
            applicants.replay(
                application,
                "request_changes",
                as_coordinator,
                assigned + 2 * DAY,
                message=spec["changes"],
                quiet=False,
            )
