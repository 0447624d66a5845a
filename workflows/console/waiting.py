"""Submissions waiting for the background worker: a global coordinator accepts them now.

The programme-year page tells global coordinators when submissions have waited longer than
the worker ever takes (``applications.acceptance.WAITING_TOO_LONG``): the worker is down, and
new applications do not reach the queues. Starting it is the server's business; meanwhile the
coordinator may accept the waiting submissions in their own request, with exactly the
worker's code (:func:`applications.acceptance.accept_waiting`), so nothing here decides how a
submission becomes an application. Safe to press twice, and beside a worker that comes back:
each submission is accepted in its own transaction and deleted with it.

There is no audit trail for actions on no object (the engine's history is per object, and the
created application's own history records its creation); who pressed the button, and what
came of it, is written to the log.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from applications.acceptance import WAITING_TOO_LONG, accept_waiting
from applications.models import ReceivedSubmission
from workflows.access.cohorts import is_global_coordinator

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class AcceptedNow:
    """What pressing the button did: ``accepted`` submissions no longer wait (each became an
    application, or, repeating an earlier application, emailed its address's owner);
    ``failed`` ones could not be accepted and still wait (their errors are in the log)."""

    accepted: int
    failed: int


def can_accept_waiting(user: Any) -> tuple[bool, str]:
    """Only global coordinators (and superusers): submissions carry no cohort scope until they
    are accepted, and only global coordinators are told that they wait."""
    if is_global_coordinator(user):
        return True, ""
    return False, _("Only coordinators of all cohorts can accept waiting submissions.")


def accept_waiting_now(user: Any) -> AcceptedNow:
    """Accept every submission that has waited longer than the worker ever takes, in this
    request, and log who did it. A failure is counted, not raised: the others are accepted
    anyway (``accept_waiting`` isolates each) and the failed ones stay for the next attempt.
    Raises ``PermissionError`` for someone :func:`can_accept_waiting` refuses."""
    allowed, reason = can_accept_waiting(user)
    if not allowed:
        raise PermissionError(reason)
    waiting = waiting_pks()
    failed = 0
    try:
        accept_waiting(older_than=WAITING_TOO_LONG)
    except RuntimeError:
        # accept_waiting logged each failure with its traceback; those rows are still there.
        failed = ReceivedSubmission.objects.filter(pk__in=waiting).count()
    result = AcceptedNow(accepted=len(waiting) - failed, failed=failed)
    log = logger.warning if failed else logger.info
    log(
        "User %s (%s) accepted waiting submissions in the console: %s accepted, %s failed",
        user.pk,
        user.get_username(),
        result.accepted,
        result.failed,
    )
    return result


def waiting_pks() -> list[int]:
    """The submissions ``accept_waiting`` takes now (the same cutoff), to count the outcome:
    one the worker accepts meanwhile is no longer waiting either way."""
    cutoff = timezone.now() - WAITING_TOO_LONG
    return list(
        ReceivedSubmission.objects.filter(received_at__lte=cutoff).values_list("pk", flat=True)
    )
