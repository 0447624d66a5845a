from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeLifeConfig(AppConfig):
    name = "workflows.programme_life"
    label = "programme_life"
    verbose_name = _("Programme life")

    def ready(self) -> None:
        from workflows.programme_life.schedules import SCHEDULES
        from workflows.schedules import register_schedules

        register_schedules(self, SCHEDULES)

        from workflows.programme_life.email_scopes import register

        register()
