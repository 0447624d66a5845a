from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "workflows.agreements"
    label = "agreements"
    verbose_name = _("Agreements")

    def ready(self) -> None:
        # Registers the AGREEMENT machine with the engine (workflows.engine.registry).
        from workflows.agreements import lifecycle  # noqa: F401
        from workflows.agreements.email_scopes import register

        register()
