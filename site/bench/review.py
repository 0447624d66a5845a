"""Coordinator work and the outbox: one review decision through
``workflows.review.services.decide`` (engine check, compare-and-set state change, history
entry and the applicant's email enqueued, one transaction), and the sending of one outbox
email through the real send service (locmem backend in the throwaway run).

A decision consumes an application in review, and the demo has only a few. Each decision
therefore runs inside an outer transaction that is rolled back afterwards: the figure
includes every query and the savepoint the service opens, but not the final COMMIT.
"""

from __future__ import annotations

import itertools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from applications.models import Application
from bench.measure import Row, measure
from bench.options import Options
from workflows.engine.actors import Actor
from workflows.lifecycles.application import IN_REVIEW
from workflows.notifications.services import queue_email, send_outbound_email
from workflows.review.services import decide

NEEDS_DB = True


class _RollBack(Exception):
    """Raised to undo one measured decision."""


def decision_row(options: Options) -> Row:
    coordinator = get_user_model().objects.get(username="coordinator")
    actor = Actor(user=coordinator)
    application = Application.objects.filter(state=IN_REVIEW).order_by("pk").first()
    if application is None:
        raise RuntimeError("the demo has no application in review")

    def one_decision() -> None:
        try:
            with transaction.atomic():
                fresh = Application.objects.get(pk=application.pk)
                decide(fresh, "waitlist", actor, message="Benchmark")
                raise _RollBack
        except _RollBack:
            pass

    return measure(
        "review.decision",
        one_decision,
        repeat=options.repeat,
        limit_scale=options.limit_scale,
    )


def outbox_row(options: Options) -> Row:
    if settings.EMAIL_BACKEND != "django.core.mail.backends.locmem.EmailBackend":
        raise RuntimeError("the outbox benchmark only runs with the locmem email backend")
    numbers = itertools.count(1)

    def new_email() -> int:
        number = next(numbers)
        email = queue_email(
            key=f"bench:{number}",
            to=f"bench.{number}@example.org",
            language="de",
            template="application_submitted",
            context={
                "full_name": "Jürgen Größmann",
                "role": "mentee",
                "cohort_title": "Jahrgang 2026/27",
                "reference": number,
                "portal_url": f"{settings.SITE_URL}/de/portal/",
            },
        )
        return email.pk

    def send(email_id: int) -> None:
        if send_outbound_email(email_id) != "sent":
            raise RuntimeError(f"outbox email {email_id} was not sent")

    return measure(
        "outbox.send",
        send,
        setup=new_email,
        repeat=options.repeat,
        limit_scale=options.limit_scale,
    )


def export_row(options: Options) -> Row:
    """The coordinators' XLSX export of every application they see (answers, state dates,
    reviews, scores), built and written as the admin's download does."""
    from applications.exports import build_table, xlsx_response
    from base.timezones import time_zone_name_of, time_zone_of
    from workflows.review.selectors import applications_visible_to

    coordinator = get_user_model().objects.get(username="coordinator")

    def export() -> None:
        table = build_table(applications_visible_to(coordinator), time_zone_name_of(coordinator))
        b"".join(xlsx_response(table, "bench", time_zone_of(coordinator)).streaming_content)

    return measure(
        "review.export.xlsx", export, repeat=options.repeat, limit_scale=options.limit_scale
    )


def rows(options: Options) -> list[Row]:
    return [decision_row(options), outbox_row(options), export_row(options)]
