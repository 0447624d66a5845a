"""Admin: agreement templates as translatable snippets, and the coordinators' agreement screens
(menu item "Agreements", shown to coordinators)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.agreements import admin_views
from workflows.agreements.models import AgreementTemplate
from workflows.roles import is_coordinator


class AgreementTemplateViewSet(SnippetViewSet):
    model = AgreementTemplate
    icon = "doc-full"
    menu_label = _("Agreement templates")
    list_display = ["title", "locale"]


register_snippet(AgreementTemplateViewSet)

app_name = "agreements_admin"
urlpatterns = [
    path("agreements/", admin_views.agreement_index, name="index"),
    path("agreements/match/<int:match_pk>/draft/", admin_views.draft_for_match, name="draft"),
    path("agreements/<int:pk>/", admin_views.agreement_detail, name="detail"),
    path(
        "agreements/<int:pk>/<str:kind>.pdf",
        admin_views.agreement_pdf,
        name="pdf",
    ),
]


@hooks.register("register_admin_urls")
def register_agreement_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)

    def render_component(self, request):
        self.url = reverse("agreements_admin:index")
        return super().render_component(request)


@hooks.register("register_admin_menu_item")
def register_agreements_menu():
    return CoordinatorMenuItem(_("Agreements"), "", icon_name="doc-full", order=260)
