from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "workflows.privacy"
    label = "privacy"
    verbose_name = _("Privacy")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from workflows.privacy.schedules import SCHEDULES
        from workflows.schedules import register_schedules

        register_schedules(self, SCHEDULES)
