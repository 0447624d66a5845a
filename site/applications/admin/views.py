"""Index (with export) and inspect views, both restricted to the visible applications."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views.generic import IndexView, InspectView

from applications.admin.actions import actions_for
from applications.admin.answers import answer_rows, labels_in_language
from applications.admin.permissions import (
    can_export_applications,
    can_see_consents,
    can_view_application,
    visible_applications,
)
from applications.models import Application
from consents.services import current_consents
from workflows.engine.history import history_for


class ApplicationIndexView(IndexView):
    """The listing and its XLSX/CSV export share one queryset: the visible applications.

    Rows can be selected for the staff console's bulk actions (assign reviewers, decide).
    """

    template_name = "applications/admin/index.html"

    @cached_property
    def columns(self):
        return [BulkActionsCheckboxColumn("bulk_actions", obj_type="application"), *super().columns]

    def _get_title_column(self, *args, **kwargs):
        return super()._get_title_column(
            *args, **kwargs, get_title_id=lambda instance: f"application_{instance.pk}_title"
        )

    def get_list_more_buttons(self, instance):
        """The workflow actions possible now (:mod:`applications.admin.actions`)."""
        buttons = list(super().get_list_more_buttons(instance))
        for action in actions_for(self.request.user, instance, detailed=False):
            if action.allowed:
                buttons.append(MenuItem(action.label, url=action.url, priority=action.priority))
        return buttons

    def get_base_queryset(self) -> QuerySet[Application]:
        return (
            visible_applications(self.request.user)
            .select_related("person", "cohort", "profile__institution")
            .prefetch_related("profile__disciplines")
        )

    def to_row_dict(self, item: Application):
        """Export rows; institution and disciplines come from the typed profile."""
        profile = getattr(item, "profile", None)
        item.institution_name = profile.institution.name if profile and profile.institution else ""
        item.discipline_names = (
            ", ".join(sorted(d.name for d in profile.disciplines.all())) if profile else ""
        )
        return super().to_row_dict(item)

    def get(self, request, *args, **kwargs):
        if self.is_export and not can_export_applications(request.user)[0]:
            raise Http404
        return super().get(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """The full export (answers, state dates, reviews) in the reader's language and zone;
        the listing's filters, search and ordering apply (see :mod:`applications.exports`)."""
        from applications import exports
        from base.timezones import time_zone_name_of, time_zone_of

        user = self.request.user
        table = exports.build_table(queryset, time_zone_name_of(user))
        if spreadsheet_format == self.FORMAT_CSV:
            return exports.csv_response(table, self.get_filename(), time_zone_of(user))
        return exports.xlsx_response(table, self.get_filename(), time_zone_of(user))


class ApplicationInspectView(InspectView):
    """One application: the applicant's answers, and the full history for staff."""

    template_name = "applications/admin/inspect.html"

    def get_object(self, queryset=None) -> Application:
        application = (
            visible_applications(self.request.user)
            .select_related("person", "cohort")
            .filter(pk=self.pk)
            .first()
        )
        if application is None or not can_view_application(self.request.user, application)[0]:
            raise Http404
        return application

    def get_person_display_value(self) -> str:
        person = self.object.person
        return f"{person.full_name} <{person.email}>"

    def get_cohort_display_value(self) -> str:
        """The cohort's title in the reader's admin language (its translation, if any)."""
        from base.translated import translated, translations

        cohort = self.object.cohort
        return translated(cohort, translations(type(cohort), [cohort])).title

    def get_language_display_value(self) -> str:
        """The language by name in the reader's language ("Deutsch", not "de")."""
        from django.conf import settings

        return str(dict(settings.LANGUAGES).get(self.object.language, self.object.language))

    def get_page_subtitle(self) -> str:
        """Who, in which role and cohort, in the reader's language (not the model's str)."""
        application = self.object
        return (
            f"{application.person.full_name} – {application.get_role_display()} "
            f"({self.get_cohort_display_value()})"
        )

    def get_submitted_at_display_value(self) -> str:
        return self._in_readers_zone(self.object.submitted_at)

    def get_state_changed_at_display_value(self) -> str:
        return self._in_readers_zone(self.object.state_changed_at)

    def _in_readers_zone(self, value) -> str:
        """Formatted here, in the reader's zone: Wagtail renders inspect fields outside the
        template's time zone conversion (they showed UTC beside a history in Prague time)."""
        from base.timezones import format_in_zone, time_zone_name_of

        return format_in_zone(value, time_zone_name_of(self.request.user), "DATETIME_FORMAT")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Internal notes are for the cohort's coordinators, never for reviewers (issue 11).
        show_private = context["show_private"] = _is_coordinator(self.request.user, self.object)
        # The one history every page shows (workflows.engine.history.history_for).
        context["history"] = [
            {"entry": item, "state_label": item.to_label}
            for item in history_for(self.object, include_private=show_private)
        ]
        context["workflow_actions"] = actions_for(self.request.user, self.object)
        context["history_heading"] = _("History")
        context["answers_heading"] = _("Answers")
        context["answers"] = answer_rows(self.object, labels_in_language([self.object]))
        profile = context["profile"] = getattr(self.object, "profile", None)
        if profile is not None:
            context.update(_profile_names(profile))
        # The person's consents, read-only, for the cohort's coordinators (not for reviewers).
        if can_see_consents(self.request.user, self.object)[0]:
            context["consents"] = current_consents(self.object.person)
        return context


def _profile_names(profile) -> dict[str, str]:
    """Institution and disciplines in the reader's language (profiles store the source)."""
    from base.translated import translated, translations

    disciplines = list(profile.disciplines.all())
    names = translations(type(disciplines[0]), disciplines) if disciplines else {}
    institution = profile.institution
    return {
        "institution_name": translated(
            institution, translations(type(institution), [institution])
        ).name,
        "discipline_names": ", ".join(sorted(translated(d, names).name for d in disciplines)),
    }


def _is_coordinator(user, application: Application) -> bool:
    from workflows.roles import is_coordinator

    return bool(user.is_superuser or is_coordinator(user))
