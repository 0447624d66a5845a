from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def match_cohorts(ids: list[str]) -> dict:
    """``match:<match id>:<history entry id>:<transition>``: the cohorts match emails are about
    (so a coordinator scoped to some cohorts sees only their failed match emails; many ids,
    one query)."""
    from workflows.matching.models import Match
    from workflows.notifications.failures import objects_by_id

    found = objects_by_id(Match.objects.select_related("cohort"), ids)
    return {key: match.cohort for key, match in found.items()}


class MatchingConfig(AppConfig):
    name = "workflows.matching"
    label = "matching"
    verbose_name = _("Matching")

    def ready(self) -> None:
        from workflows.notifications.failures import register_email_scope

        register_email_scope("match", match_cohorts)
