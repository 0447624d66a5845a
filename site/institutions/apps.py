from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InstitutionsConfig(AppConfig):
    name = "institutions"
    verbose_name = _("Institutions")

    def ready(self) -> None:
        # Before wagtail.api.v3's routers are imported (they build the page schemas at import)
        # and before api.urls is read by the URLconf.
        from institutions.api import register_api

        register_api()
