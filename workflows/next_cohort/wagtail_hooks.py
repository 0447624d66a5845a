"""Admin: the "Next cohort" menu item, its screens, and a "Clone for the next year" button
in the page listing's "More" menu of every English cohort page the user coordinates."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from cohorts.models import CohortPage
from workflows.access.groups import is_coordinator
from workflows.next_cohort import admin_views
from workflows.next_cohort.permissions import can_clone_cohort

app_name = "next_cohort_admin"
urlpatterns = [
    path("next-cohort/", admin_views.index, name="index"),
    path("next-cohort/<int:pk>/clone/", admin_views.clone, name="clone"),
    path("next-cohort/<int:old>/to/<int:new>/", admin_views.done, name="done"),
    path("next-cohort/<int:old>/to/<int:new>/invite/", admin_views.invite, name="invite"),
]


@hooks.register("register_admin_urls")
def register_next_cohort_urls():
    return [path("", include((urlpatterns, app_name), namespace=app_name))]


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)

    def render_component(self, request):
        self.url = reverse("next_cohort_admin:index")
        return super().render_component(request)


@hooks.register("register_admin_menu_item")
def register_next_cohort_menu():
    return CoordinatorMenuItem(_("Next cohort"), "", icon_name="copy", order=290)


@hooks.register("register_page_listing_more_buttons")
def clone_cohort_button(page, user, next_url=None):
    if (
        page.specific_class is CohortPage
        and page.locale.is_default
        and can_clone_cohort(user, page)[0]
    ):
        yield Button(
            _("Clone for the next year"),
            reverse("next_cohort_admin:clone", args=[page.pk]),
            icon_name="copy",
            priority=25,
        )
