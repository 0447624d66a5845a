"""Who may apply to a cohort, as plain functions returning (allowed, reason).

Each rule is checked at submission and its translated reason is shown to the applicant.
Institutions and cohorts are translatable, so they are compared by ``translation_key``: a
German copy of an institution is the same institution.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from applications.memo import kept
from applications.models import Application, Person, normalise_email

Decision = tuple[bool, str]


def window_is_open(cohort, now: datetime | None = None) -> Decision:
    """Applications are accepted only between the cohort's opening and closing moments."""
    status = cohort.application_status(now)
    if status == cohort.ApplicationStatus.UPCOMING:
        return False, _("Applications for this cohort open on %(date)s.") % {
            "date": date_format(localtime(cohort.application_opens_at), "DATETIME_FORMAT")
        }
    if status == cohort.ApplicationStatus.CLOSED:
        return False, _("Applications for this cohort closed on %(date)s.") % {
            "date": date_format(localtime(cohort.application_closes_at), "DATETIME_FORMAT")
        }
    return True, ""


def institution_is_eligible(cohort, role: str, institution) -> Decision:
    """Mentees come from the cohort's mentee institutions, mentors from its mentor institutions."""
    if role == Application.Role.MENTEE:
        allowed = cohort.mentee_institutions.all()
        reason = _("Mentees of this cohort must study at one of: %(names)s.")
    else:
        allowed = cohort.mentor_institutions.all()
        reason = _("Mentors of this cohort must work at one of: %(names)s.")
    if institution is not None and str(institution.translation_key) in eligible_keys(
        cohort, role, allowed
    ):
        return True, ""
    names = ", ".join(sorted(str(obj) for obj in allowed)) or "–"
    return False, reason % {"names": names}


def eligible_keys(cohort, role: str, allowed) -> frozenset[str]:
    """The translation keys of the institutions ``allowed`` for ``role`` in ``cohort``, kept
    per process and site generation within a request (``applications.memo.kept``): they change
    only when the cohort page is published, which starts a new generation."""
    return kept(
        ("eligible-institutions", cohort.pk, role),
        lambda: (
            frozenset(str(k) for k in allowed.values_list("translation_key", flat=True)),
            None,
        ),
    )


def not_already_applied(cohort, role: str, email: str) -> Decision:
    """One application per person, role and cohort (the database enforces it, too)."""
    person = Person.objects.filter(email=normalise_email(email)).first()
    if person and Application.objects.filter(person=person, cohort=cohort, role=role).exists():
        return False, _(
            "You have already applied to this cohort in this role. You can follow and amend "
            "your application in the portal."
        )
    return True, ""


def check_eligibility(
    cohort, role: str, *, institution, email: str, now: datetime | None = None
) -> dict[str, str]:
    """All refusals as {field key: reason} ("__all__" for the window); empty means eligible.
    None of them depends on ``email`` (kept in the signature for callers)."""
    refusals: dict[str, str] = {}
    allowed, reason = window_is_open(cohort, now)
    if not allowed:
        refusals["__all__"] = reason
    allowed, reason = institution_is_eligible(cohort, role, institution)
    if not allowed:
        refusals["institution"] = reason
    # Deliberately not ``not_already_applied``: the answer to a submission must not tell a
    # stranger whether an address has applied (services.AlreadyApplied emails its owner).
    return refusals
