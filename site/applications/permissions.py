"""Who may see which application, and read its private files.

:func:`applications_visible_to` is the one rule every staff query goes through (the admin
listing, exports, search, the review screens):

* superusers and global coordinators: every application;
* cohort coordinators (:class:`~workflows.access.models.CohortRole`): their cohorts;
* reviewers: only applications assigned to them that they have not recused themselves from;
* anyone else: none.

Plain functions returning (allowed, reason) answer the per-object questions. Views answer 404
(not 403) on refusal, so nobody learns whether someone else's file exists. Review assignments
are read through the reverse relation: the review app sits above this one.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from applications.models import RECUSED_ASSIGNMENT, Application, Person, Upload
from workflows.access.cohorts import coordinated_cohort_keys, is_coordinator_of
from workflows.access.groups import COORDINATORS, REVIEWERS, in_group, is_active_user


def applications_visible_to(user: Any) -> QuerySet[Application]:
    """The applications ``user`` may see (see the module docstring)."""
    applications = Application.objects.all()
    if not is_active_user(user):
        return applications.none()
    if user.is_superuser:
        return applications
    if in_group(user, COORDINATORS):
        keys = coordinated_cohort_keys(user)
        coordinated = (
            applications if keys is None else applications.filter(cohort__translation_key__in=keys)
        )
    else:
        coordinated = applications.none()
    if in_group(user, REVIEWERS):
        assignments = Application._meta.get_field("review_assignments").related_model.objects
        assigned = applications.filter(
            pk__in=assignments.filter(reviewer=user)
            .exclude(status=RECUSED_ASSIGNMENT)
            .values("application_id")
        )
        return (coordinated | assigned).distinct()
    return coordinated


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
        if application.is_reviewed_by(user):
            return True, ""
    return False, _("You can only open your own application, or those you review.")


def can_download(user: Any, person: Person | None, upload: Upload) -> tuple[bool, str]:
    """Files count as part of their application; files not attached to one are nobody's."""
    if upload.application_id is None:
        return False, _("This file is not part of an application.")
    return can_read_application(user, person, upload.application)
