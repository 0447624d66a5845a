from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "workflows.review"
    label = "review"
    verbose_name = _("Review")

    def ready(self) -> None:
        from workflows.review.schedules import SCHEDULES
        from workflows.schedules import register_schedules

        register_schedules(self, SCHEDULES)
