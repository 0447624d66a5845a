"""The review columns of the applications export: reviewers, scores, recommendations.

Registered with :func:`applications.exports.register_columns` when the review app is ready
(the applications layer cannot import review). For each application: the reviewers (full
names, recused ones left out), how many reviews are in, the mean score per criterion (one
column per criterion, labelled in the reader's language), the mean weighted score, and each
reviewer's recommendation. Three queries whatever the number of applications.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _

from applications.exports import NUMBER, Column
from applications.models import Application
from base.translated import translated, translations
from workflows.review.models import Criterion, ReviewAssignment, Score

TWO_PLACES = Decimal("0.01")


def _mean(values: list[Decimal]) -> Decimal | None:
    if not values:
        return None
    return (sum(values, Decimal(0)) / len(values)).quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def _person(user) -> str:
    return user.get_full_name() or user.get_username()


def review_columns(
    applications: Sequence[Application], zone_name: str
) -> tuple[list[Column], dict[int, dict[str, Any]]]:
    pks = [application.pk for application in applications]
    if not pks:
        return [], {}
    assignments = list(
        ReviewAssignment.objects.active()
        .filter(application_id__in=pks)
        .select_related("reviewer", "review")
        .order_by("application_id", "pk")
    )
    reviews = [a.review for a in assignments if hasattr(a, "review")]
    scores = list(
        Score.objects.filter(review__in=reviews).select_related("criterion").order_by("pk")
    )
    criteria_objects = [s.criterion for s in scores if s.criterion is not None]
    criteria_in_language = translations(Criterion, criteria_objects) if criteria_objects else {}

    # One column per criterion, keyed by its translation key (or its label once deleted).
    criterion_columns: dict[str, Column] = {}
    scores_by_review: dict[int, list[Score]] = defaultdict(list)
    for score in scores:
        scores_by_review[score.review_id].append(score)
        key = f"score:{score.criterion.translation_key if score.criterion else score.label}"
        if key not in criterion_columns:
            label = (
                translated(score.criterion, criteria_in_language).label
                if score.criterion
                else score.label
            )
            criterion_columns[key] = Column(
                key, _("Score: %(criterion)s") % {"criterion": label}, NUMBER
            )

    values: dict[int, dict[str, Any]] = {}
    by_application: dict[int, list[ReviewAssignment]] = defaultdict(list)
    for assignment in assignments:
        by_application[assignment.application_id].append(assignment)
    for pk, items in by_application.items():
        done = [a.review for a in items if hasattr(a, "review")]
        per_criterion: dict[str, list[Decimal]] = defaultdict(list)
        for review in done:
            for score in scores_by_review[review.pk]:
                crit = score.criterion.translation_key if score.criterion else score.label
                per_criterion[f"score:{crit}"].append(Decimal(score.score))
        row: dict[str, Any] = {
            "reviewers": "; ".join(_person(a.reviewer) for a in items),
            "reviews_in": len(done),
            "weighted_average": _mean(
                [r.weighted_score for r in done if r.weighted_score is not None]
            ),
            "recommendations": "; ".join(
                f"{_person(a.reviewer)}: {a.review.get_recommendation_display()}"
                for a in items
                if hasattr(a, "review")
            ),
        }
        for key, numbers in per_criterion.items():
            row[key] = _mean(numbers)
        values[pk] = row

    columns = [
        Column("reviewers", _("Reviewers")),
        Column("reviews_in", _("Reviews submitted"), NUMBER),
        *criterion_columns.values(),
        Column("weighted_average", _("Weighted average score"), NUMBER),
        Column("recommendations", _("Recommendations")),
    ]
    return columns, values
