"""The personal-data map: every table that holds data about a person, as data.

Each :class:`Item` says how a table links to a :class:`~applications.models.Person`
(``lookups``: ORM paths from the table to the person, any of which matches), what the
person's export contains (``export``: field names; empty = not exported) and what erasure does
(``action``):

* ``DELETE``: the person's rows go;
* ``ANONYMISE``: the rows stay for the statistics (counts per cohort, institution, state) with
  ``blank`` fields set to the given values;
* ``KEEP``: the rows stay as they are: nothing personal once the person row is anonymised
  (ids, states, dates, numbers);
* ``SPECIAL``: :mod:`workflows.privacy.erasure` has a handler of that name (history, outbox,
  task queue, sessions, user accounts, rows found by email or by a keyed hash);
* ``NONE``: the table holds no personal data (listed so that nobody wonders).

``tests/privacy/test_inventory.py`` walks every installed model and fails when one that links
to a person or an application, or has an email- or name-like field, is missing here: a new
table cannot be forgotten. Whatever a listed table might still mention (a name typed into
someone else's comment) is caught by erasure's final sweep over every text column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext_lazy as _

DELETE = "delete"
ANONYMISE = "anonymise"
KEEP = "keep"
SPECIAL = "special"
NONE = "none"


@dataclass(frozen=True)
class Item:
    model: str  # "app_label.ModelName"
    section: str  # the key in the export's data.json
    action: str
    why: str  # shown to coordinators on the erasure confirmation page (translated)
    lookups: tuple[str, ...] = ()
    export: tuple[str, ...] = ()
    blank: dict[str, Any] = field(default_factory=dict)
    handler: str = ""


_MATCH_PARTIES = ("mentee_application__person", "mentor_application__person")
_AGREEMENT_PARTIES = (
    "match__mentee_application__person",
    "match__mentor_application__person",
)

ITEMS: tuple[Item, ...] = (
    Item(
        "applications.Person",
        "person",
        SPECIAL,
        _(
            "The person: name and email replaced by 'erased person #id' and an address that "
            "cannot receive mail; the row stays so that counts and kept agreements point somewhere."
        ),
        lookups=("pk",),
        export=("email", "full_name", "preferred_language", "created_at"),
        handler="person",
    ),
    Item(
        "applications.Application",
        "applications",
        ANONYMISE,
        _("Cohort, role, state and dates stay for the statistics; every answer goes."),
        lookups=("person",),
        export=("id", "cohort", "role", "state", "state_changed_at", "language", "submitted_at"),
        blank={"answers": {}},
        handler="",
    ),
    Item(
        "applications.ApplicantProfile",
        "profiles",
        ANONYMISE,
        _(
            "Institution, degree, rank, disciplines and consent version stay (statistics per "
            "institution); free text goes."
        ),
        lookups=("application__person",),
        export=(
            "application",
            "institution",
            "faculty",
            "programme_or_position",
            "degree_level",
            "academic_rank",
            "research_interests",
            "meeting_preference",
            "timezone",
            "goals",
            "capacity",
            "privacy_notice_version",
            "consented_at",
        ),
        blank={
            "faculty": "",
            "programme_or_position": "",
            "research_interests": [],
            "goals": "",
            "timezone": "",
        },
    ),
    Item(
        "applications.MentoringLanguage",
        "mentoring_languages",
        DELETE,
        _("Languages spoken, with levels."),
        lookups=("application__person",),
        export=("application", "language", "level"),
    ),
    Item(
        "applications.AvailabilitySlot",
        "availability",
        DELETE,
        _("When the person is free."),
        lookups=("application__person",),
        export=("application", "weekday", "starts_at", "ends_at"),
    ),
    Item(
        "applications.Draft",
        "drafts",
        SPECIAL,
        _("Saved drafts, found by the normalised email; deleted with their uploads."),
        export=("form_page", "language", "data", "created_at", "updated_at", "submitted_at"),
        handler="drafts",
    ),
    Item(
        "applications.ReceivedSubmission",
        "received_submissions",
        SPECIAL,
        _(
            "Submissions sent but not yet made into an application by the worker, found by the "
            "normalised email; deleted with their files."
        ),
        export=("cohort", "role", "language", "answers", "received_at"),
        handler="received",
    ),
    Item(
        "applications.Upload",
        "files",
        SPECIAL,
        _("Uploaded files (CVs): the files are deleted from storage, then the rows."),
        lookups=("application__person",),
        export=("application", "field_key", "original_name", "size", "sha256", "created_at"),
        handler="uploads",
    ),
    Item(
        "portal.SignInToken",
        "sign_in_links",
        DELETE,
        _("Portal sign-in links (hashes) with the addresses they were asked from and used at."),
        lookups=("person",),
        export=("created_at", "used_at", "requested_ip", "used_ip"),
    ),
    Item(
        "portal.SignInRequest",
        "",
        SPECIAL,
        _("Rate-limit counters, keyed by an HMAC of the address: the person's rows are deleted."),
        handler="sign_in_requests",
    ),
    Item(
        "review.ReviewAssignment",
        "review_assignments",
        ANONYMISE,
        _(
            "Who reviewed stays (reviewer workload); a conflict-of-interest reason may name the "
            "person and goes. Not exported: the reviewers' identities are theirs."
        ),
        lookups=("application__person",),
        blank={"conflict_reason": ""},
    ),
    Item(
        "review.Review",
        "reviews",
        ANONYMISE,
        _("Recommendation and weighted score stay (statistics); the comment goes."),
        lookups=("assignment__application__person",),
        export=("recommendation", "weighted_score", "comment", "submitted_at"),
        blank={"comment": ""},
    ),
    Item(
        "review.Score",
        "",
        KEEP,
        _("Numbers per criterion of a kept review."),
        lookups=("review__assignment__application__person",),
    ),
    Item(
        "review.ReviewDraft",
        "",
        DELETE,
        _("A reviewer's unsaved notes on the application."),
        lookups=("assignment__application__person",),
    ),
    Item(
        "review.ReviewerProfile",
        "",
        SPECIAL,
        _("A staff reviewer's profile: goes with their user account (handler 'user')."),
        lookups=(),
        handler="user",
    ),
    Item(
        "matching.Match",
        "matches",
        KEEP,
        _("Pairs (ids, state, scores) stay for the statistics of tandems per cohort."),
        lookups=_MATCH_PARTIES,
        export=(
            "id",
            "cohort",
            "state",
            "score",
            "created_at",
            "mentee_confirmed_at",
            "mentor_confirmed_at",
        ),
    ),
    Item(
        "matching.MatchingRun",
        "",
        SPECIAL,
        _("A run's recorded inputs carry names and goals: scrubbed by the final sweep."),
        handler="sweep",
    ),
    Item(
        "matching.PairRule",
        "",
        ANONYMISE,
        _("A coordinator's must/never pair rule: the note may name the person."),
        lookups=_MATCH_PARTIES,
        blank={"note": ""},
    ),
    Item(
        "matching.MentorPreference",
        "mentor_preferences",
        ANONYMISE,
        _("Capacity stays; excluded topics go."),
        lookups=("application__person",),
        export=("capacity", "excluded_topics", "updated_at"),
        blank={"excluded_topics": []},
    ),
    Item(
        "matching.MenteeRanking",
        "mentee_rankings",
        DELETE,
        _("A mentee's wishes about mentors."),
        lookups=_MATCH_PARTIES,
        export=("mentee_application", "mentor_application", "rank", "veto"),
    ),
    Item(
        "matching.PastPairHash",
        "",
        SPECIAL,
        _("HMAC of both emails of an earlier pair: the person's digests are deleted."),
        handler="past_pairs",
    ),
    Item(
        "agreements.Agreement",
        "agreements",
        SPECIAL,
        _(
            "Signed agreements (signed, active, completed) are KEPT with their PDFs and text for "
            "the funding audit (README, Privacy); unsigned ones lose their text and PDFs."
        ),
        lookups=_AGREEMENT_PARTIES,
        export=("id", "version", "state", "languages", "issued_at", "sealed_at", "issued_text"),
        handler="agreements",
    ),
    Item(
        "agreements.ChangeProposal",
        "agreement_change_proposals",
        ANONYMISE,
        _("Proposed changes to an agreement of the person (either side may name them)."),
        lookups=("person", *(f"agreement__{lookup}" for lookup in _AGREEMENT_PARTIES)),
        export=("agreement", "role", "text", "reason", "created_at"),
        blank={"text": "", "reason": ""},
    ),
    Item(
        "agreements.SigningEvent",
        "signatures",
        SPECIAL,
        _(
            "Signatures: kept with the signed agreement they belong to (legal record); on an "
            "unsigned agreement the typed name, IP address and user agent go."
        ),
        lookups=("person",),
        export=("agreement", "role", "typed_name", "signed_at", "method", "pdf_sha256"),
        handler="agreements",
    ),
    Item(
        "programme_life.Meeting",
        "meetings",
        ANONYMISE,
        _("Meetings stay as counts per tandem and month; notes and place go."),
        lookups=("match__mentee_application__person", "match__mentor_application__person"),
        export=(
            "match",
            "state",
            "starts_at",
            "duration_minutes",
            "mode",
            "kind",
            "place",
            "notes",
        ),
        blank={"notes": "", "place": ""},
    ),
    Item(
        "programme_life.EventRegistration",
        "event_registrations",
        KEEP,
        _("Registration and attendance stay as counts per event (the person row is anonymised)."),
        lookups=("person",),
        export=("signup", "state", "queued_at", "attended", "updated_at"),
    ),
    Item(
        "programme_life.CalendarFeed",
        "",
        DELETE,
        _("The secret of the personal iCal address."),
        lookups=("person",),
    ),
    Item(
        "evaluation.SurveyInvitation",
        "survey_invitations",
        SPECIAL,
        _(
            "That the person was asked and answered stays (response rates); goals and the secret "
            "link go. Responses are anonymous and stay."
        ),
        lookups=("person",),
        export=("round", "role", "goals", "created_at", "answered_on"),
        handler="survey_invitations",
    ),
    Item(
        "notifications.OutboundEmail",
        "emails",
        SPECIAL,
        _("Emails to the person are deleted; others that mention them are scrubbed."),
        export=("template", "language", "subject", "body_text", "status", "sent_at", "created_at"),
        handler="outbox",
    ),
    Item(
        "workflow_engine.HistoryEntry",
        "history",
        SPECIAL,
        _(
            "The audit history of the person's objects (and any entry naming them) is redacted: "
            "actor, comment, message, IP and user agent blanked, the chain's digest kept."
        ),
        export=("machine", "transition", "from_state", "to_state", "message", "created_at"),
        handler="history",
    ),
    Item(
        "django_q.Task",
        "",
        SPECIAL,
        _("Task results and arguments (pickled) that mention the person are deleted."),
        handler="tasks",
    ),
    Item("django_q.Success", "", SPECIAL, "Proxy of django_q.Task.", handler="tasks"),
    Item("django_q.Failure", "", SPECIAL, "Proxy of django_q.Task.", handler="tasks"),
    Item(
        "django_q.OrmQ",
        "",
        SPECIAL,
        _("Queued tasks (signed pickles) that mention the person are deleted."),
        handler="tasks",
    ),
    Item(
        "django_q.Schedule",
        "",
        SPECIAL,
        _("Schedules carry no personal data (ids only); any that mentions the person is deleted."),
        handler="tasks",
    ),
    Item(
        "sessions.Session",
        "",
        SPECIAL,
        _("The person's portal sessions (and any session of their user account) are deleted."),
        handler="sessions",
    ),
    Item(
        "auth.User",
        "",
        SPECIAL,
        _(
            "A user account with the person's email (a mentor or staff member): deactivated, "
            "names and email blanked, password unusable, second-factor devices deleted."
        ),
        handler="user",
    ),
    Item("otp_totp.TOTPDevice", "", SPECIAL, "Goes with the user account.", handler="user"),
    Item("otp_static.StaticDevice", "", SPECIAL, "Goes with the user account.", handler="user"),
    Item("otp_static.StaticToken", "", SPECIAL, "Goes with the device (user).", handler="user"),
    Item("axes.AccessAttempt", "", SPECIAL, "Sign-in attempts by username.", handler="user"),
    Item("axes.AccessFailureLog", "", SPECIAL, "Failed sign-ins by username.", handler="user"),
    Item("axes.AccessLog", "", SPECIAL, "Sign-ins by username.", handler="user"),
    Item("axes.AccessAttemptExpiration", "", SPECIAL, "Goes with its attempt.", handler="user"),
    Item("accounts.ThrottleHit", "", SPECIAL, "Counters keyed by user id or IP.", handler="user"),
    Item(
        "admin.LogEntry",
        "",
        SPECIAL,
        _("Django admin log: object names that mention the person are scrubbed by the sweep."),
        handler="sweep",
    ),
    Item(
        "wagtailusers.UserProfile",
        "",
        SPECIAL,
        _("Wagtail's preferences of a user account (avatar deleted with the account's data)."),
        handler="user",
    ),
    Item(
        "wagtailforms.FormSubmission",
        "",
        SPECIAL,
        _("Wagtail form submissions (not used for applications): scrubbed by the sweep."),
        handler="sweep",
    ),
    Item(
        "consents.ConsentRecord",
        "consents",
        DELETE,
        _(
            "Consents given or withdrawn per purpose: proof of consent is not needed once "
            "nothing is processed any more."
        ),
        lookups=("person",),
        export=("purpose", "granted", "notice_version", "source", "recorded_at"),
    ),
    Item(
        "evaluation.SurveyResponse",
        "",
        NONE,
        _(
            "Anonymous by design (round, role, language, answers, day): no link to a person; free "
            "text naming the person is scrubbed by the sweep."
        ),
    ),
)

#: Tables that hold no personal data about applicants although a name-like field or a
#: relation made the inventory test look at them: content, settings, staff-only records.
NO_PERSONAL_DATA: dict[str, str] = {
    "applications.ApplicationFormPage": "form pages (content)",
    "applications.Discipline": "taxonomy",
    "applications.PrivacyNotice": "the notice's versions (content)",
    "institutions.Institution": "partner institutions",
    "base.FooterText": "the site's footer and its contact address",
    "review.Rubric": "review rubrics (content)",
    "review.Criterion": "rubric criteria (content)",
    "access.CohortRole": "staff roles per cohort",
    "notifications.EmailTemplate": "email templates (content)",
    "agreements.AgreementTemplate": "agreement templates (content)",
    "agreements.AgreementSettings": "per-cohort settings",
    "matching.MatchingSettings": "per-cohort settings",
    "programme_life.ProgrammeSettings": "per-cohort settings",
    "programme_life.EventSignup": "an event's places",
    "evaluation.Survey": "survey definitions (content)",
    "evaluation.SurveyRound": "survey rounds per cohort",
    "workflow_engine.EffectSwitch": "workflow switches (staff)",
    "auth.Group": "staff groups",
    "auth.Permission": "permissions",
    "contenttypes.ContentType": "model registry",
    "privacy.ErasureRequest": "person id and state only",
    "privacy.ErasureRecord": "person id, staff actor, counts",
    "privacy.ExportRecord": "person id, staff actor",
    "privacy.RetentionPolicy": "per-cohort settings",
}

_BY_MODEL = {item.model: item for item in ITEMS}


def item_for(label: str) -> Item | None:
    return _BY_MODEL.get(label)


def listed(label: str) -> bool:
    """Whether the inventory says something about this table (personal data or none)."""
    return (
        label in _BY_MODEL
        or label in NO_PERSONAL_DATA
        or label.startswith(("wagtail", "taggit."))
        and label not in ("wagtailforms.FormSubmission", "wagtailusers.UserProfile")
    )
