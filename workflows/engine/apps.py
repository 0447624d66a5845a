from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EngineConfig(AppConfig):
    name = "workflows.engine"
    label = "workflow_engine"
    verbose_name = _("Workflow engine")

    def ready(self) -> None:
        from workflows.schedules import SCHEDULES, register_schedules

        register_schedules(self, SCHEDULES)
