"""django-q2 entry points of the applications app (schedule ``purge_stale_drafts`` daily)."""

from applications import maintenance


def purge_stale_drafts() -> dict[str, int]:
    return maintenance.purge_stale_drafts()
