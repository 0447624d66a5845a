"""Step 60: the pilot cohort 2023/24 and the next intake, open for applications right now.

The open intake is dated relative to the day the command runs: its window opened two weeks
ago and closes at the end of the day six weeks from now. Once made, its dates stay as they are
while the window is open, so running the demo again next week changes nothing; run after the
window closed, the demo opens the next intake.
"""

from __future__ import annotations

import datetime

from cohorts.models import CohortPage

from ..content.cohorts import PRAGUE, information_session, open_cohort, pilot_cohort
from ..context import LoadContext
from ..pages import sync_pages
from .institutions import institution

ORDER = 60

OPENED_DAYS_AGO = 14
CLOSES_IN_DAYS = 41


def load(context: LoadContext) -> None:
    uwb, oth = institution("uwb"), institution("oth")
    opens, last_day = application_window(context)
    sync_pages(
        [
            pilot_cohort(uwb, oth),
            open_cohort(uwb, oth, opens, last_day),
            information_session(opens, last_day, uwb),
        ],
        context,
    )


def application_window(context: LoadContext) -> tuple[datetime.date, datetime.date]:
    """The open intake's first and last day: kept while a demo cohort is open, else fresh."""
    today = context.today
    fresh = (
        today - datetime.timedelta(days=OPENED_DAYS_AGO),
        today + datetime.timedelta(days=CLOSES_IN_DAYS),
    )
    spec = open_cohort(None, None, *fresh)
    current = (
        CohortPage.objects.filter(locale__language_code="en", slug=spec.slug.en).first()
        or CohortPage.objects.filter(locale__language_code="en", slug__startswith="cohort-")
        .order_by("-application_opens_at")
        .first()
    )
    if current is not None and current.is_open_for_applications(context.now):
        return (
            current.application_opens_at.astimezone(PRAGUE).date(),
            current.application_closes_at.astimezone(PRAGUE).date(),
        )
    return fresh


def pilot() -> CohortPage:
    """The English pilot cohort 2023/24 (for later loaders: applications, matches...)."""
    return CohortPage.objects.get(locale__language_code="en", slug="pilot-2023-24")


def open_intake(context: LoadContext) -> CohortPage:
    """The English cohort whose applications are open (the one this run made or kept)."""
    opens, last_day = application_window(context)
    slug = open_cohort(None, None, opens, last_day).slug.en
    return CohortPage.objects.get(locale__language_code="en", slug=slug)
