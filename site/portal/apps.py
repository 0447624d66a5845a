from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The applicant portal: passwordless sign-in, application status, withdraw and amend."""

    name = "portal"
    verbose_name = _("Applicant portal")

    def ready(self) -> None:
        from portal.schedules import ensure_schedules

        post_migrate.connect(ensure_schedules, sender=self, dispatch_uid="portal-schedules")
