from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "workflows.review"
    label = "review"
    verbose_name = _("Review")

    def ready(self) -> None:
        from workflows.review.schedules import ensure_schedules

        # After every migrate (django_q's tables exist by then): idempotent by name.
        post_migrate.connect(ensure_schedules, sender=self, dispatch_uid="review-schedules")
