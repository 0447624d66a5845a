"""The Privacy admin menu, its URLs, retention policies per cohort and the actions offered on
an application's inspect page (export the person's data, erase the person)."""

from __future__ import annotations

from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from applications.admin.actions import Action, register_action_provider
from workflows.privacy import admin_views
from workflows.privacy.models import RetentionPolicy
from workflows.privacy.permissions import can_erase, can_export_person, can_see_retention

app_name = "privacy_admin"
urlpatterns = [
    path("privacy/people/<int:pk>/export/", admin_views.export, name="export"),
    path("privacy/people/<int:pk>/erase/", admin_views.erase, name="erase"),
    path("privacy/requests/", admin_views.requests, name="requests"),
    path("privacy/retention/", admin_views.retention_report, name="retention"),
]


@hooks.register("register_admin_urls")
def register_privacy_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class RetentionPolicyPolicy(ModelPermissionPolicy):
    """Coordinators of all cohorts (and administrators) set how long a cohort keeps data."""

    def user_has_permission(self, user, action):
        return can_erase(user)[0]

    def user_has_any_permission(self, user, actions):
        return can_erase(user)[0]


register_permission_policy(RetentionPolicy, RetentionPolicyPolicy(RetentionPolicy))


class RetentionPolicyViewSet(ModelViewSet):
    model = RetentionPolicy
    icon = "time"
    menu_label = gettext_lazy("Retention policies")
    form_fields = ["cohort", "declined_months", "participant_months", "enabled"]
    list_display = ["cohort", "declined_months", "participant_months", "enabled"]
    add_to_admin_menu = False
    name = "retention_policies"


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RetentionPolicyViewSet()


class _Item(MenuItem):
    def __init__(self, label, url_name, check, **kwargs):
        self._url_name, self._check = url_name, check
        super().__init__(label, "#", **kwargs)

    def is_shown(self, request):
        return self._check(request.user)[0]

    def get_context(self, request):
        self.url = reverse(self._url_name)
        return super().get_context(request)


privacy_menu = Menu(register_hook_name="register_privacy_menu_item")


@hooks.register("register_privacy_menu_item")
def _requests_item():
    return _Item(gettext_lazy("Erasure requests"), "privacy_admin:requests", can_erase, order=10)


@hooks.register("register_privacy_menu_item")
def _retention_item():
    return _Item(
        gettext_lazy("Retention report"), "privacy_admin:retention", can_see_retention, order=20
    )


@hooks.register("register_privacy_menu_item")
def _policies_item():
    return _Item(
        gettext_lazy("Retention policies"), "retention_policies:index", can_erase, order=30
    )


@hooks.register("register_admin_menu_item")
def register_privacy_menu():
    return SubmenuMenuItem(gettext_lazy("Privacy"), privacy_menu, icon_name="lock", order=900)


def privacy_actions(user: Any, application, detailed: bool) -> list[Action]:
    """On the inspect page only: export the applicant's data, erase them."""
    if not detailed:
        return []
    actions = []
    allowed, reason = can_export_person(user, application.person)
    if allowed:
        url = reverse("privacy_admin:export", args=[application.person_id])
        actions.append(Action("privacy-export", _("Export personal data"), url, True, "", 95))
    allowed, reason = can_erase(user)
    if allowed:
        url = reverse("privacy_admin:erase", args=[application.person_id])
        actions.append(Action("privacy-erase", _("Erase the person"), url, True, "", 99))
    return actions


register_action_provider(privacy_actions)
