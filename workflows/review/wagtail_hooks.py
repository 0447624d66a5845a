"""Review's screens in the Wagtail admin: its URLs, the assignment and reviewer profile
viewsets, and the Rubrics and Email templates snippets (translatable with wagtail-localize).

The Review menu that links them is the staff console's (``workflows/console/wagtail_hooks.py``).
"""

from django.db.models import Case, Q, When
from django.urls import include, path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.notifications.models import EmailTemplate
from workflows.review import views
from workflows.review.admin_filters import AssignmentFilterSet, full_name
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
    """The open intake's assignments first (then by due date), in the visible cohorts."""

    def get_base_queryset(self):
        visible = applications_visible_to(self.request.user)
        now = timezone.now()
        open_cohort = Q(
            application__cohort__application_opens_at__lte=now,
            application__cohort__application_closes_at__gt=now,
        )
        return (
            super()
            .get_base_queryset()
            .filter(application__in=visible)
            .select_related("application__person", "application__cohort", "reviewer")
            .annotate(cohort_rank=Case(When(open_cohort, then=0), default=1))
            .order_by("cohort_rank", "-application__cohort__programme_starts_on", "due_on", "pk")
        )


class AssignmentViewSet(ModelViewSet):
    """All review assignments in the coordinator's cohorts (read-only), filtered by cohort,
    reviewer and state; the reviewer by full name."""

    model = ReviewAssignment
    icon = "tasks"
    menu_label = _("Assignments")
    index_view_class = AssignmentIndexView
    filterset_class = AssignmentFilterSet
    list_display = [
        Column("application", label=_("Application"), accessor="application.person.full_name"),
        Column("cohort", label=_("Cohort"), accessor="application.cohort.title"),
        Column("reviewer", label=_("Reviewer"), accessor=lambda a: full_name(a.reviewer)),
        Column("status", label=_("State"), accessor="get_status_display"),
        DateColumn("due_on", label=_("Due on")),
    ]
    list_export = ["application", "reviewer", "status", "due_on", "assigned_at"]
    form_fields = ["due_on"]
    add_to_admin_menu = False
    copy_view_enabled = False


assignments = AssignmentViewSet("review_assignments")
reviewer_profiles = ReviewerProfileViewSet("reviewer_profiles")


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [assignments, reviewer_profiles]
