"""Review's screens in the Wagtail admin: its URLs, the assignment and reviewer profile
viewsets, and the Rubrics and Email templates snippets (translatable with wagtail-localize).

The Review menu that links them is the staff console's (``workflows/console/wagtail_hooks.py``).
"""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.notifications.models import EmailTemplate
from workflows.review import views
from workflows.review.models import ReviewAssignment, ReviewerProfile, Rubric
from workflows.review.selectors import applications_visible_to


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Assignments are listed in the admin but created, recused and closed only through the
    review services (which start the review, check conflicts and write the audit)."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)


# Registered before any viewset asks for the model's policy (Wagtail 8's policy registry).
register_permission_policy(ReviewAssignment, ReadOnlyPolicy(ReviewAssignment))

app_name = "review_admin"
urlpatterns = [
    path("reviews/mine/", views.my_reviews, name="my_reviews"),
    path("reviews/assignment/<int:pk>/", views.review_assignment, name="review"),
    path("reviews/decisions/", views.decisions, name="decisions"),
    path("reviews/application/<int:pk>/", views.application_review, name="application"),
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
reviewer_profiles = ReviewerProfileViewSet("reviewer_profiles")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [assignments, reviewer_profiles]
