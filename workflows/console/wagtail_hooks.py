"""The staff console's place in the Wagtail admin: the Review menu and the workflow screens.

The console sits on top of every workflow app, so the menu that gathers their screens lives
here: My reviews (reviewers), Decisions and Assignments (coordinators), Cohort roles and
Reviewer profiles, Workflows (diagrams and email switches), Failed tasks and emails. The
screens themselves stay with the app they belong to; review registers its own URLs.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from applications.admin.actions import register_action_provider
from workflows.access.cohorts import can_grant_cohort_roles
from workflows.access.groups import is_coordinator, is_reviewer
from workflows.access.models import CohortRole
from workflows.console import views, withdraw
from workflows.console import workflows as workflow_views
from workflows.console.actions import application_actions
from workflows.console.bulk_actions import AutoAssignBulkAction, DecideBulkAction
from workflows.notifications import views as notification_views


class CohortRolePolicy(ModelPermissionPolicy):
    """Cohort roles decide who coordinates what, so only global coordinators and superusers
    add, change or delete them (``can_grant_cohort_roles``): a one-cohort coordinator can
    neither add another cohort for themselves nor become global by deleting their last role."""

    def user_has_permission(self, user, action):
        if action != "view" and not can_grant_cohort_roles(user)[0]:
            return False
        return super().user_has_permission(user, action)


# Registered before any viewset asks for the model's policy (Wagtail 8's policy registry).
register_permission_policy(CohortRole, CohortRolePolicy(CohortRole))

app_name = "console"
urlpatterns = [
    path("intake/", views.dashboard, name="dashboard"),
    path("year/", views.programme_year, name="year"),
    path("year/accept-waiting/", views.accept_waiting_submissions, name="accept_waiting"),
    path("applications/<int:pk>/withdraw/", withdraw.withdraw, name="withdraw"),
    path("workflows/", workflow_views.workflow_index, name="workflows"),
    path("workflows/failures/", notification_views.failed_work, name="failures"),
    path("workflows/<slug:name>/", workflow_views.workflow_detail, name="workflow"),
]


@hooks.register("register_admin_urls")
def register_console_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class CohortRoleIndexView(IndexView):
    def get_base_queryset(self):
        """Each row shows its user and cohort: joined, not fetched one row at a time."""
        return super().get_base_queryset().select_related("user", "cohort")


class CohortRoleViewSet(ModelViewSet):
    model = CohortRole
    index_view_class = CohortRoleIndexView
    icon = "group"
    menu_label = _("Cohort roles")
    form_fields = ["user", "role", "cohort"]
    list_display = ["user", "role", "cohort"]
    list_filter = ["role"]
    add_to_admin_menu = False


cohort_roles = CohortRoleViewSet("cohort_roles")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [cohort_roles]


class RoleMenuItem(MenuItem):
    """A menu item shown only to holders of a role (``check`` takes the user)."""

    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


class LazyUrlMenuItem(RoleMenuItem):
    """Menu item whose URL is reversed when rendered (admin URLs are not loaded at import)."""

    def __init__(self, label, url_name, **kwargs):
        super().__init__(label, "", **kwargs)
        self.url_name = url_name

    def render_component(self, request):
        self.url = reverse(self.url_name)
        return super().render_component(request)


def model_permission(app_model: str):
    def check(user) -> bool:
        return user.has_perm(app_model)

    return check


#: (label, URL name, icon, order, who sees it): the Review menu, top to bottom.
REVIEW_MENU = (
    (_("Intake"), "console:dashboard", "doc-full-inverse", 50, views.may_see_intake),
    (_("Programme year"), "console:year", "date", 60, is_coordinator),
    (_("My reviews"), "review_admin:my_reviews", "tasks", 100, is_reviewer),
    (_("Decisions"), "review_admin:decisions", "check", 200, is_coordinator),
    (_("Assignments"), "review_assignments:index", "tasks", 250, is_coordinator),
    (
        _("Cohort roles"),
        "cohort_roles:index",
        "group",
        300,
        model_permission("access.view_cohortrole"),
    ),
    (
        _("Reviewer profiles"),
        "reviewer_profiles:index",
        "user",
        400,
        model_permission("review.view_reviewerprofile"),
    ),
    (_("Workflows"), "console:workflows", "tasks", 500, is_coordinator),
    (_("Failed tasks and emails"), "console:failures", "warning", 600, is_coordinator),
)


def _review_menu_item(label, url_name, icon, order, check):
    @hooks.register("register_review_menu_item")
    def item():
        return LazyUrlMenuItem(label, url_name, icon_name=icon, order=order, check=check)

    return item


for _row in REVIEW_MENU:
    _review_menu_item(*_row)

review_menu = Menu(register_hook_name="register_review_menu_item")


@hooks.register("register_admin_menu_item")
def register_review_menu():
    return SubmenuMenuItem(_("Review"), review_menu, icon_name="tasks", order=250)


@hooks.register("construct_homepage_panels")
def add_intake_panel(request, panels):
    if views.may_see_intake(request.user):
        panels.insert(0, views.IntakePanel(request))


hooks.register("register_bulk_action", AutoAssignBulkAction)
hooks.register("register_bulk_action", DecideBulkAction)
register_action_provider(application_actions)
