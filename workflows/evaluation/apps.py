from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "workflows.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self) -> None:
        from workflows.evaluation.email_scopes import register
        from workflows.schedules import register_schedules

        register()

        register_schedules(
            self,
            {
                "evaluation-send-surveys": (
                    "workflows.evaluation.tasks.send_due_surveys",
                    "0 8 * * *",
                )
            },
        )
