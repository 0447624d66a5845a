"""Filters of the review assignments listing: cohort, reviewer and state.

Cohorts by ``translation_key`` (the cs/de/en copies are one cohort); reviewers by their full
name, so a coordinator finds "Jana Nováková" rather than a username.
"""

from __future__ import annotations

import django_filters
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from applications.admin.filters import cohort_choices
from workflows.access.groups import REVIEWERS
from workflows.review.models import ReviewAssignment


def full_name(user) -> str:
    """The name people know a reviewer by (the username only when no name is recorded)."""
    return user.get_full_name() or user.get_username()


def reviewer_choices() -> list[tuple[str, str]]:
    users = (
        get_user_model().objects.filter(groups__name=REVIEWERS).order_by("last_name", "first_name")
    )
    return [(str(user.pk), full_name(user)) for user in users]


class AssignmentFilterSet(WagtailFilterSet):
    cohort = django_filters.ChoiceFilter(
        label=_("Cohort"), choices=cohort_choices, method="filter_cohort"
    )
    reviewer = django_filters.ChoiceFilter(
        label=_("Reviewer"), choices=reviewer_choices, method="filter_reviewer"
    )
    status = django_filters.ChoiceFilter(label=_("State"), choices=ReviewAssignment.Status.choices)

    class Meta:
        model = ReviewAssignment
        fields = ["cohort", "reviewer", "status"]

    def filter_cohort(self, queryset, name, value):
        return queryset.filter(application__cohort__translation_key=value) if value else queryset

    def filter_reviewer(self, queryset, name, value):
        return queryset.filter(reviewer_id=value) if value and value.isdigit() else queryset
