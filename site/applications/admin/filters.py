"""Filters of the applications listing (django-filter, Wagtail's FilterSet base).

Cohorts and institutions are filtered by ``translation_key``, so an application attached to
the Czech or German copy of a cohort page (or institution) is found under the same choice.
Institution and disciplines live on the typed :class:`~applications.models.ApplicantProfile`.
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from applications.models import Application
from applications.queues import QUEUES, in_queue
from workflows.lifecycles.application import APPLICATION


def cohort_choices() -> list[tuple[str, str]]:
    """One choice per cohort (its source-language page), newest first."""
    from wagtail.models import Locale

    from cohorts.models import CohortPage

    pages = CohortPage.objects.filter(locale=Locale.get_default()).order_by(
        "-programme_starts_on", "title"
    )
    return [(str(page.translation_key), page.title) for page in pages]


def institution_choices() -> list[tuple[str, str]]:
    from wagtail.models import Locale

    from institutions.models import Institution

    institutions = Institution.objects.filter(locale=Locale.get_default()).order_by("name")
    return [(str(item.translation_key), item.name) for item in institutions]


def discipline_choices() -> list[tuple[str, str]]:
    from wagtail.models import Locale

    from applications.models import Discipline

    disciplines = Discipline.objects.filter(locale=Locale.get_default()).order_by("name")
    return [(item.key, item.name) for item in disciplines]


class ApplicationFilterSet(WagtailFilterSet):
    cohort = django_filters.ChoiceFilter(
        label=_("Cohort"), choices=cohort_choices, method="filter_cohort"
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Application.Role.choices)
    state = django_filters.MultipleChoiceFilter(
        label=_("State"), choices=APPLICATION.state_choices()
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    institution = django_filters.ChoiceFilter(
        label=_("Institution"), choices=institution_choices, method="filter_institution"
    )
    discipline = django_filters.ChoiceFilter(
        label=_("Discipline"), choices=discipline_choices, method="filter_discipline"
    )
    queue = django_filters.ChoiceFilter(
        label=_("Work queue"), choices=list(QUEUES.items()), method="filter_queue"
    )

    class Meta:
        model = Application
        fields = ["cohort", "role", "state", "queue", "language", "institution", "discipline"]

    def filter_queue(self, queryset, name, value):
        """The intake dashboard's queues (:mod:`applications.queues`): its figures link here."""
        return in_queue(queryset, value) if value else queryset

    def filter_cohort(self, queryset, name, value):
        return queryset.filter(cohort__translation_key=value) if value else queryset

    def filter_institution(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(profile__institution__translation_key=value)

    def filter_discipline(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(profile__disciplines__key=value).distinct()
