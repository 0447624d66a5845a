"""The admin's language: corrections to Wagtail's phrasing that a catalog alone cannot make."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdminI18nConfig(AppConfig):
    """Wagtail builds "5 days ago" by putting Django's "5 days" (nominative in Czech and German)
    into "%(time_period)s ago"; Czech and German need another case there ("před 5 dny",
    "vor 5 Tagen"). On start-up this app gives Wagtail's "… ago" tags a period in that case,
    counts listings' items in a translatable message ("Stránky: 7", not "7 stránky"), and
    labels snippet breadcrumbs lazily (Wagtail fixes them in the language of start-up); its
    wagtail_hooks label menus per request, its templates translate Wagtail's hard-coded English.
    Plain string corrections live in locales/<lang>/overrides/ (see locales/README.md)."""

    name = "admin_i18n"
    verbose_name = _("Admin language")

    def ready(self) -> None:
        from admin_i18n.breadcrumbs import label_snippet_breadcrumbs_lazily
        from admin_i18n.paginator import count_items_grammatically
        from admin_i18n.timesince import use_ago_case_in_wagtail_admin

        use_ago_case_in_wagtail_admin()
        label_snippet_breadcrumbs_lazily()
        count_items_grammatically()
