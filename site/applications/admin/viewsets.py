"""The applications ModelViewSet: read-only listing, filters, search, inspect, export."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from applications.admin.filters import ApplicationFilterSet
from applications.admin.views import ApplicationIndexView, ApplicationInspectView
from applications.models import Application

#: Export columns (dotted paths / callables on Application) and their headings.
EXPORT_COLUMNS = {
    "pk": _("ID"),
    "person.full_name": _("Name"),
    "person.email": _("Email"),
    "cohort.title": _("Cohort"),
    "get_role_display": _("Role"),
    "state": _("State (key)"),
    "get_state_display": _("State"),
    "language": _("Language"),
    "submitted_at": _("Submitted at"),
    "state_changed_at": _("State changed at"),
    "institution_name": _("Institution"),
    "discipline_names": _("Disciplines"),
}


class ApplicationViewSet(ModelViewSet):
    model = Application
    icon = "form"
    menu_label = _("Applications")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "applications"
    name = "application_admin"
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ApplicationFilterSet
    search_fields = ["person__full_name", "person__email", "cohort__title"]
    ordering = ["-submitted_at"]
    list_per_page = 50
    list_display = [
        "person",
        Column("email", label=_("Email"), accessor="person.email"),
        Column("cohort", label=_("Cohort"), accessor="cohort.title"),
        Column("role", label=_("Role"), accessor="get_role_display", sort_key="role"),
        Column("state", label=_("State"), accessor="get_state_display", sort_key="state"),
        "language",
        DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
    ]
    list_export = list(EXPORT_COLUMNS)
    export_headings = EXPORT_COLUMNS
    export_filename = "applications"
    inspect_view_fields = [
        "person",
        "cohort",
        "role",
        "state",
        "language",
        "submitted_at",
        "state_changed_at",
    ]

    def get_urlpatterns(self):
        """Read-only: the listing (with export) and the inspect view, nothing that edits.

        Applications change state through the workflow engine, never by editing the row.
        """
        from django.urls import path

        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
        ]

    def get_inspect_view_kwargs(self, **kwargs):
        """Show every concrete field: the typed answers the applications app adds included."""
        kwargs = super().get_inspect_view_kwargs(**kwargs)
        extra = [
            field.name
            for field in Application._meta.get_fields()
            if (field.concrete or field.many_to_many)
            and not field.auto_created
            and field.name not in self.inspect_view_fields
            and field.name not in {"id", "answers", "form_snapshot"}
        ]
        kwargs["fields"] = [*self.inspect_view_fields, *extra]
        return kwargs


application_viewset = ApplicationViewSet()
