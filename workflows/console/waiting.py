"""Submissions waiting for the background worker: a global coordinator accepts them now.

The programme-year page tells global coordinators when submissions have waited longer than
the worker ever takes (``applications.acceptance.WAITING_TOO_LONG``): the worker is down, and
new applications do not reach the queues. Starting it is the server's business; meanwhile the
coordinator may accept the waiting submissions in their own request, with exactly the
worker's code (:func:`applications.acceptance.accept_oldest`), so nothing here decides how a
submission becomes an application. Safe to press twice, and beside a worker that comes back:
each submission is accepted in its own transaction and deleted with it.

There is no audit trail for actions on no object (the engine's history is per object, and the
created application's own history records its creation); who pressed the button, and what
came of it, is written to the log.
"""

from __future__ import annotations

import logging
from typing import Any

from django.utils.translation import gettext as _

from applications.acceptance import WAITING_TOO_LONG, AcceptedOldest, accept_oldest
from workflows.access.cohorts import is_global_coordinator

logger = logging.getLogger(__name__)


#: At most this many submissions per press. An acceptance costs some 20-40 ms of CPU here
#: (``manage.py bench``: ``form.accept``), so a press answers within seconds, well inside the
#: web server's timeout, even after a long outage; the notice and the button stay while more
#: wait, and the coordinator presses again (or starts the worker, which takes them all).
ACCEPT_NOW_AT_MOST = 200


def can_accept_waiting(user: Any) -> tuple[bool, str]:
    """Only global coordinators (and superusers): submissions carry no cohort scope until they
    are accepted, and only global coordinators are told that they wait."""
    if is_global_coordinator(user):
        return True, ""
    return False, _("Only coordinators of all cohorts can accept waiting submissions.")


def accept_waiting_now(user: Any) -> AcceptedOldest:
    """Accept the submissions that have waited longer than the worker ever takes, oldest
    first and at most :data:`ACCEPT_NOW_AT_MOST`, in this request, and log who did it. A
    failure is counted, not raised: the others are accepted anyway (``accept_oldest``
    isolates each) and the failed ones stay for the next attempt; ``left`` counts those
    beyond the limit, still waiting for the next press.
    Raises ``PermissionError`` for someone :func:`can_accept_waiting` refuses."""
    allowed, reason = can_accept_waiting(user)
    if not allowed:
        raise PermissionError(reason)
    result = accept_oldest(older_than=WAITING_TOO_LONG, limit=ACCEPT_NOW_AT_MOST)
    log = logger.warning if result.failed else logger.info
    log(
        "User %s (%s) accepted waiting submissions in the console: "
        "%s accepted, %s needed no application, %s failed, %s left for the next press",
        user.pk,
        user.get_username(),
        result.applications,
        result.settled,
        result.failed,
        result.left,
    )
    return result
