"""Admin: surveys as translatable snippets, survey rounds per cohort, evaluation reports."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.access.groups import is_coordinator
from workflows.evaluation import admin_views
from workflows.evaluation.models import Survey, SurveyRound


class SurveyViewSet(SnippetViewSet):
    model = Survey
    icon = "form"
    menu_label = _("Surveys")
    list_display = ["title", "locale"]


class SurveyRoundViewSet(SnippetViewSet):
    model = SurveyRound
    icon = "date"
    menu_label = _("Survey rounds")
    list_display = ["cohort", "moment", "audience", "send_on", "sent_at"]
    list_filter = ["moment"]


register_snippet(SurveyViewSet)
register_snippet(SurveyRoundViewSet)

app_name = "evaluation_admin"
urlpatterns = [
    path("evaluation/", admin_views.report_index, name="index"),
    path("evaluation/<int:pk>/", admin_views.report_detail, name="report"),
    path("evaluation/<int:pk>/report.pdf", admin_views.report_pdf, name="pdf"),
]


@hooks.register("register_admin_urls")
def register_evaluation_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)

    def render_component(self, request):
        self.url = reverse("evaluation_admin:index")
        return super().render_component(request)


@hooks.register("register_admin_menu_item")
def register_evaluation_menu():
    return CoordinatorMenuItem(_("Evaluation"), "", icon_name="order", order=280)
