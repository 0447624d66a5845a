"""The matching screen's admin URLs and its menu item (coordinators only)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workflows.matching import admin_views
from workflows.matching.scope import is_coordinator

app_name = "matching_admin"
urlpatterns = [
    path("matching/", admin_views.index, name="index"),
    path("matching/<int:pk>/", admin_views.screen, name="screen"),
    path("matching/<int:pk>/why-not/", admin_views.why_not, name="why_not"),
]


@hooks.register("register_admin_urls")
def register_matching_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class MatchingMenuItem(MenuItem):
    """Shown to coordinators; the URL is reversed when rendered (admin URLs load late)."""

    def is_shown(self, request):
        return is_coordinator(request.user)

    def render_component(self, request):
        self.url = reverse("matching_admin:index")
        return super().render_component(request)


@hooks.register("register_admin_menu_item")
def matching_menu_item():
    return MatchingMenuItem(_("Matching"), "", icon_name="group", order=260)
