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
                ),
                "careersteps-applications-accept-waiting": (
                    "applications.tasks.accept_waiting",
                    "*/5 * * * *",  # a submission whose task was lost waits minutes, not forever
                ),
            },
        )

        self._mount_api()
        self._watch_form_taxonomy()

    @staticmethod
    def _watch_form_taxonomy() -> None:
        """A saved or deleted discipline or privacy notice starts a new page-cache generation,
        as a page or an institution does: the form fields each process keeps for the current
        generation (``applications.memo.kept``) list them."""
        from django.db.models.signals import post_delete, post_save

        from applications.taxonomy import Discipline, PrivacyNotice
        from pagecache.invalidation import invalidate

        for model in (Discipline, PrivacyNotice):
            for signal in (post_save, post_delete):
                signal.connect(
                    invalidate,
                    sender=model,
                    dispatch_uid=f"applications.form-taxonomy.{model.__name__}.{id(signal)}",
                )

    @staticmethod
    def _mount_api() -> None:
        """Add the forms router to Wagtail's v3 API. This must happen before ``api.urls`` is
        read, which careersteps/urls.py does only when the URLconf is first loaded (after
        every app is ready)."""
        from wagtail.api.v3.urls import api

        from applications.api import router

        if not any(prefix == "/forms/" for prefix, _router in api._routers):
            api.add_router("/forms/", router)
