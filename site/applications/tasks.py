"""django-q2 entry points of the applications app.

``accept_submission`` is queued by every form submission (:mod:`applications.acceptance`);
``accept_waiting`` (every few minutes) and ``purge_stale_drafts`` (every 15 minutes) are
scheduled in ``ApplicationsConfig.ready``.
"""

from applications import acceptance, maintenance


def accept_submission(received_id: int) -> int:
    """Accept the received submission (with every other one waiting) once applicants pause;
    how many were accepted (0: another run took them already)."""
    return acceptance.accept_when_quiet(received_id)


def accept_waiting() -> int:
    return acceptance.accept_waiting()


def purge_stale_drafts() -> dict[str, int]:
    return maintenance.purge_stale_drafts()
