from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "applications"
    verbose_name = _("Applications")

    def ready(self) -> None:
        from applications import snippets  # noqa: F401  (registers the snippet viewsets)
        from workflows.schedules import register_schedules

        register_schedules(
            self,
            {
                "careersteps-applications-purge-drafts": (
                    "applications.tasks.purge_stale_drafts",
                    "*/15 * * * *",  # refused submissions' files go within the hour
                )
            },
        )

        self._mount_api()

    @staticmethod
    def _mount_api() -> None:
        """Add the forms router to Wagtail's v3 API. This must happen before ``api.urls`` is
        read, which careersteps/urls.py does only when the URLconf is first loaded (after
        every app is ready)."""
        from wagtail.api.v3.urls import api

        from applications.api import router

        if not any(prefix == "/forms/" for prefix, _router in api._routers):
            api.add_router("/forms/", router)
