"""Every email the system sends, by stable key, with the placeholders its text may use.

The key doubles as the file template name (``notifications/email/<key with _>_subject.txt``)
and as :class:`~workflows.notifications.models.EmailTemplate`'s key.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise, lazy
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

APPLICANT_PLACEHOLDERS = ("name", "cohort", "role", "message", "portal_url")


@dataclass(frozen=True)
class EmailKind:
    key: str
    label: str | Promise
    placeholders: tuple[str, ...]

    @property
    def template(self) -> str:
        return self.key.replace(".", "_")


EMAILS = {
    kind.key: kind
    for kind in (
        EmailKind("application.accept", _("Application accepted"), APPLICANT_PLACEHOLDERS),
        EmailKind("application.reject", _("Application not accepted"), APPLICANT_PLACEHOLDERS),
        EmailKind(
            "application.waitlist", _("Application on the waiting list"), APPLICANT_PLACEHOLDERS
        ),
        EmailKind("application.request_changes", _("Changes requested"), APPLICANT_PLACEHOLDERS),
        EmailKind("application.withdraw", _("Application withdrawn"), APPLICANT_PLACEHOLDERS),
        EmailKind("application.start_review", _("Review started"), APPLICANT_PLACEHOLDERS),
        EmailKind(
            "review.assigned",
            _("Reviewer: applications assigned (daily at most)"),
            ("name", "count", "assignments", "reviews_url"),
        ),
        EmailKind(
            "coordinators.application_changed",
            _("Coordinators: an applicant amended or withdrew"),
            ("name", "applicant", "role", "cohort", "what", "when", "message", "application_url"),
        ),
        EmailKind(
            "review.reminder",
            _("Reminder: review overdue"),
            ("name", "application", "due_on", "review_url"),
        ),
        EmailKind(
            "review.digest",
            _("Coordinator digest"),
            ("name", "overdue_count", "waiting_count", "failed_count", "admin_url"),
        ),
    )
}


def email_choices() -> list[tuple[str, str | Promise]]:
    return [(kind.key, kind.label) for kind in EMAILS.values()]


def _placeholders_help() -> str:
    """The placeholders each email may use, as HTML for the email template form."""
    rows = format_html_join(
        "",
        "<li><strong>{}</strong>: {}</li>",
        (
            (kind.label, ", ".join("{{ " + name + " }}" for name in kind.placeholders))
            for kind in EMAILS.values()
        ),
    )
    return format_html(
        "<p>{}</p><ul>{}</ul>",
        gettext("Each email can use these placeholders:"),
        rows,
    )


placeholders_help = lazy(_placeholders_help, str)()
