"""The workflow actions offered on an application's listing row and inspect page.

Registered with :mod:`applications.admin.actions` by the console's hooks. Coordinators of the
application's cohort: assign reviewers, decide (each from the engine's ``check_transition``,
so a refused step carries the engine's own reason). Reviewers: open their review.
On listing rows (``detailed=False``) only cheap checks run and impossible actions are left out.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from applications.admin.actions import Action
from applications.models import Application
from applications.queues import DECIDABLE_STATES, REVIEWABLE_STATES
from workflows.access.cohorts import is_coordinator_of
from workflows.access.groups import is_reviewer
from workflows.engine.actors import Actor
from workflows.engine.engine import check_transition
from workflows.lifecycles.application import APPLICATION, DECISIONS
from workflows.review.models import ReviewAssignment
from workflows.review.permissions import can_assign


def application_actions(user: Any, application: Application, detailed: bool) -> list[Action]:
    actions: list[Action] = []
    page = reverse("review_admin:application", args=[application.pk])
    if is_coordinator_of(user, application.cohort):
        if application.state in REVIEWABLE_STATES:
            allowed, reason = can_assign(user, application)
            actions.append(
                Action("assign", _("Assign reviewers"), f"{page}#assign", allowed, reason, 10)
            )
        elif detailed:
            actions.append(
                Action(
                    "assign",
                    _("Assign reviewers"),
                    "",
                    False,
                    _("Reviewers are assigned while an application is submitted or in review."),
                    10,
                )
            )
        if detailed:
            actor = Actor(user=user)
            checks = [check_transition(APPLICATION, application, name, actor) for name in DECISIONS]
            allowed = any(check.allowed for check in checks)
            reason = "" if allowed else checks[0].reason
            actions.append(Action("decide", _("Decide"), f"{page}#decide", allowed, reason, 20))
        elif application.state in DECIDABLE_STATES:
            actions.append(Action("decide", _("Decide"), f"{page}#decide", True, "", 20))
        if detailed:
            check = check_transition(APPLICATION, application, "withdraw", Actor(user=user))
            url = reverse("console:withdraw", args=[application.pk])
            actions.append(Action("withdraw", _("Withdraw"), url, check.allowed, check.reason, 90))
    if is_reviewer(user):
        assignment = (
            ReviewAssignment.objects.filter(reviewer=user, application=application)
            .exclude(status=ReviewAssignment.Status.RECUSED)
            .only("pk", "status")
            .first()
        )
        if assignment is not None:
            url = reverse("review_admin:review", args=[assignment.pk])
            actions.append(Action("review", _("Open the review"), url, True, "", 5))
    return actions
