"""Filters of the applications listing (django-filter, Wagtail's FilterSet base).

Cohorts are filtered by ``translation_key``, so an application attached to the Czech or German
copy of a cohort page is found under the same cohort. Typed fields the applications app adds
(institution, disciplines) get a filter as soon as they exist on the model.
"""

from __future__ import annotations

import django_filters
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from applications.models import Application
from workflows.lifecycles.application import APPLICATION


def cohort_choices() -> list[tuple[str, str]]:
    """One choice per cohort (its source-language page), newest first."""
    from wagtail.models import Locale

    from cohorts.models import CohortPage

    pages = CohortPage.objects.filter(locale=Locale.get_default()).order_by(
        "-programme_starts_on", "title"
    )
    return [(str(page.translation_key), page.title) for page in pages]


def _has_field(name: str) -> bool:
    try:
        Application._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


#: Typed fields of Application that get an automatic filter when present.
OPTIONAL_FILTER_FIELDS = [name for name in ("institution", "disciplines") if _has_field(name)]


class ApplicationFilterSet(WagtailFilterSet):
    cohort = django_filters.ChoiceFilter(
        label=_("Cohort"), choices=cohort_choices, method="filter_cohort"
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=Application.Role.choices)
    state = django_filters.MultipleChoiceFilter(
        label=_("State"), choices=APPLICATION.state_choices()
    )
    language = django_filters.ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)

    class Meta:
        model = Application
        fields = ["cohort", "role", "state", "language", *OPTIONAL_FILTER_FIELDS]

    def filter_cohort(self, queryset, name, value):
        return queryset.filter(cohort__translation_key=value) if value else queryset
