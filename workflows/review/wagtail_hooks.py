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
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.engine import views as engine_views
from workflows.notifications import views as notification_views
from workflows.notifications.models import EmailTemplate
from workflows.review import views
from workflows.review.models import CohortRole, ReviewerProfile, Rubric
from workflows.roles import is_coordinator, is_reviewer

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


cohort_roles = CohortRoleViewSet("cohort_roles")
reviewer_profiles = ReviewerProfileViewSet("reviewer_profiles")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [cohort_roles, reviewer_profiles]


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
def cohort_roles_item():
    return LazyUrlMenuItem(
        _("Cohort roles"),
        cohort_roles.get_url_name("index"),
        icon_name="group",
        order=300,
        check=model_permission("review.view_cohortrole"),
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
