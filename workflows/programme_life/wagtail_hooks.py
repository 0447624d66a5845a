"""Admin: the coordinators' event registration screens (menu item "Event registrations")."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workflows.access.groups import is_coordinator
from workflows.programme_life import admin_views

app_name = "programme_life_admin"
urlpatterns = [
    path("event-registrations/", admin_views.event_index, name="events"),
    path("event-registrations/<int:event_pk>/", admin_views.event_detail, name="event"),
]


@hooks.register("register_admin_urls")
def register_programme_life_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)

    def render_component(self, request):
        self.url = reverse("programme_life_admin:events")
        return super().render_component(request)


@hooks.register("register_admin_menu_item")
def register_event_registrations_menu():
    return CoordinatorMenuItem(_("Event registrations"), "", icon_name="date", order=270)
