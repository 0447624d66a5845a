from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NextCohortConfig(AppConfig):
    name = "workflows.next_cohort"
    label = "next_cohort"
    verbose_name = _("Next cohort")

    def ready(self) -> None:
        from workflows.next_cohort.invitations import invitation_cohorts
        from workflows.notifications.failures import register_email_scope

        register_email_scope("next-cohort", invitation_cohorts)
