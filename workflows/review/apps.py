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

        from applications.exports import register_columns
        from workflows.review.exports import review_columns

        register_columns("review", review_columns)

        from workflows.review.email_scopes import register

        register()
