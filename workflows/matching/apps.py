from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def match_cohort(parts: list[str]):
    """``match:<match id>:<history entry id>:<transition>``: the cohort a match email is about
    (so a coordinator scoped to some cohorts sees only their failed match emails)."""
    from workflows.matching.models import Match

    return Match.objects.select_related("cohort").get(pk=int(parts[0])).cohort


class MatchingConfig(AppConfig):
    name = "workflows.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from workflows.notifications.failures import register_email_scope

        register_email_scope("match", match_cohort)
