"""Who may read an application's private files, as plain functions returning (allowed, reason).

Views answer 404 (not 403) on refusal, so nobody learns whether someone else's file exists.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from applications.models import Application, Person, Upload
from workflows.access.cohorts import is_coordinator_of

#: ``workflows.review.models.ReviewAssignment.Status.RECUSED`` (review sits above this app;
#: tests/workflows/test_access_layer.py holds the two equal).
RECUSED = "recused"


def _is_assigned(user: Any, application: Application) -> bool:
    """An active (not recused) review assignment, read through the reverse relation so this
    module needs nothing from the review app above it."""
    return application.review_assignments.filter(reviewer=user).exclude(status=RECUSED).exists()


def can_read_application(
    user: Any, person: Person | None, application: Application
) -> tuple[bool, str]:
    """The applicant (signed in to the portal), the cohort's coordinators, and reviewers
    assigned to this application."""
    if person is not None and person.pk == application.person_id:
        return True, ""
    if user is not None and getattr(user, "is_authenticated", False):
        if is_coordinator_of(user, application.cohort):
            return True, ""
        if _is_assigned(user, application):
            return True, ""
    return False, _("You can only open your own application, or those you review.")


def can_download(user: Any, person: Person | None, upload: Upload) -> tuple[bool, str]:
    """Files count as part of their application; files not attached to one are nobody's."""
    if upload.application_id is None:
        return False, _("This file is not part of an application.")
    return can_read_application(user, person, upload.application)
