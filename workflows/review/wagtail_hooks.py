"""The review area of the Wagtail admin.

Menu "Review": My reviews (reviewers), Decisions (coordinators), Cohort roles and Reviewer
profiles (ModelViewSets), Workflows (diagrams and email switches), Failed tasks and emails.
Rubrics and email templates are translatable snippets (Snippets menu, "Translate" via
wagtail-localize).
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.access.cohorts import can_grant_cohort_roles
from workflows.access.models import CohortRole
from workflows.engine import views as engine_views
from workflows.notifications import views as notification_views
from workflows.notifications.models import EmailTemplate
from workflows.review import views
from workflows.review.models import ReviewAssignment, ReviewerProfile, Rubric
from workflows.review.selectors import applications_visible_to
from workflows.roles import is_coordinator, is_reviewer


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Assignments are listed in the admin but created, recused and closed only through the
    review services (which start the review, check conflicts and write the audit)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


class CohortRolePolicy(ModelPermissionPolicy):
    """Cohort roles decide who coordinates what, so only global coordinators and superusers
    add, change or delete them (``can_grant_cohort_roles``): a one-cohort coordinator can
    neither add another cohort for themselves nor become global by deleting their last role."""

    def user_has_permission(self, user, action):
        if action != "view" and not can_grant_cohort_roles(user)[0]:
            return False
        return super().user_has_permission(user, action)


# Registered before any viewset asks for the model's policy (Wagtail 8's policy registry).
register_permission_policy(ReviewAssignment, ReadOnlyPolicy(ReviewAssignment))
register_permission_policy(CohortRole, CohortRolePolicy(CohortRole))

app_name = "review_admin"
urlpatterns = [
    path("reviews/mine/", views.my_reviews, name="my_reviews"),
    path("reviews/assignment/<int:pk>/", views.review_assignment, name="review"),
    path("reviews/decisions/", views.decisions, name="decisions"),
    path("reviews/application/<int:pk>/", views.application_review, name="application"),
    path("workflows/", engine_views.workflow_index, name="workflows"),
    path("workflows/failures/", notification_views.failed_work, name="failures"),
    path("workflows/<slug:name>/", engine_views.workflow_detail, name="workflow"),
]


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class RubricViewSet(SnippetViewSet):
    model = Rubric
    icon = "list-ol"
    menu_label = _("Rubrics")
    list_display = ["name", "role", "is_active"]
    list_filter = ["role", "is_active", "locale"]


class EmailTemplateViewSet(SnippetViewSet):
    model = EmailTemplate
    icon = "mail"
    menu_label = _("Email templates")
    list_display = ["key", "subject", "locale"]
    list_filter = ["key", "locale"]


register_snippet(RubricViewSet)
register_snippet(EmailTemplateViewSet)


class CohortRoleViewSet(ModelViewSet):
    model = CohortRole
    icon = "group"
    menu_label = _("Cohort roles")
    form_fields = ["user", "role", "cohort"]
    list_display = ["user", "role", "cohort"]
    list_filter = ["role"]
    add_to_admin_menu = False


class ReviewerProfileViewSet(ModelViewSet):
    model = ReviewerProfile
    icon = "user"
    menu_label = _("Reviewer profiles")
    form_fields = ["user", "disciplines", "max_open_reviews"]
    list_display = ["user", "max_open_reviews"]
    add_to_admin_menu = False


class AssignmentIndexView(generic.IndexView):
    def get_base_queryset(self):
        visible = applications_visible_to(self.request.user)
        return (
            super()
            .get_base_queryset()
            .filter(application__in=visible)
            .select_related("application__person", "application__cohort", "reviewer")
        )


class AssignmentViewSet(ModelViewSet):
    """All review assignments in the coordinator's cohorts (read-only; filter by status)."""

    model = ReviewAssignment
    icon = "tasks"
    menu_label = _("Assignments")
    index_view_class = AssignmentIndexView
    list_display = ["application", "reviewer", "status", "due_on", "assigned_at"]
    list_filter = ["status", "due_on"]
    list_export = ["application", "reviewer", "status", "due_on", "assigned_at"]
    form_fields = ["due_on"]
    add_to_admin_menu = False
    copy_view_enabled = False


assignments = AssignmentViewSet("review_assignments")
cohort_roles = CohortRoleViewSet("cohort_roles")
reviewer_profiles = ReviewerProfileViewSet("reviewer_profiles")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [assignments, cohort_roles, reviewer_profiles]


class RoleMenuItem(MenuItem):
    """A menu item shown only to holders of a role (``check`` is a roles.py function)."""

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


@hooks.register("register_review_menu_item")
def my_reviews_item():
    return LazyUrlMenuItem(
        _("My reviews"), "review_admin:my_reviews", icon_name="tasks", order=100, check=is_reviewer
    )


@hooks.register("register_review_menu_item")
def decisions_item():
    return LazyUrlMenuItem(
        _("Decisions"), "review_admin:decisions", icon_name="check", order=200, check=is_coordinator
    )


@hooks.register("register_review_menu_item")
def assignments_item():
    return LazyUrlMenuItem(
        _("Assignments"),
        assignments.get_url_name("index"),
        icon_name="tasks",
        order=250,
        check=is_coordinator,
    )


@hooks.register("register_review_menu_item")
def cohort_roles_item():
    return LazyUrlMenuItem(
        _("Cohort roles"),
        cohort_roles.get_url_name("index"),
        icon_name="group",
        order=300,
        check=model_permission("access.view_cohortrole"),
    )


@hooks.register("register_review_menu_item")
def reviewer_profiles_item():
    return LazyUrlMenuItem(
        _("Reviewer profiles"),
        reviewer_profiles.get_url_name("index"),
        icon_name="user",
        order=400,
        check=model_permission("review.view_reviewerprofile"),
    )


@hooks.register("register_review_menu_item")
def workflows_item():
    return LazyUrlMenuItem(
        _("Workflows"), "review_admin:workflows", icon_name="tasks", order=500, check=is_coordinator
    )


@hooks.register("register_review_menu_item")
def failures_item():
    return LazyUrlMenuItem(
        _("Failed tasks and emails"),
        "review_admin:failures",
        icon_name="warning",
        order=600,
        check=is_coordinator,
    )


review_menu = Menu(register_hook_name="register_review_menu_item")


@hooks.register("register_admin_menu_item")
def register_review_menu():
    return SubmenuMenuItem(_("Review"), review_menu, icon_name="tasks", order=250)
