from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The applicant portal: passwordless sign-in, application status, withdraw and amend."""

    name = "portal"
    verbose_name = _("Applicant portal")

    def ready(self) -> None:
        from portal.schedules import SCHEDULES
        from workflows.schedules import register_schedules

        register_schedules(self, SCHEDULES)
