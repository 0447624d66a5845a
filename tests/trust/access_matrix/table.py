"""The expectations table: one row per URL name (or pattern), outcome per actor group.

Adding a URL? Add a row to ``ROWS`` keyed by its ``namespace:name`` (or its route when it has
no name), e.g. ``"portal:thing": Row(OWNER_ONLY)`` or ``Row(admin(coordinators=OK))``; see
``expect.py`` for the groups and shorthands. Wagtail's own admin and API URLs are covered by
``RULES`` (a regular expression on the key, first match wins); the project's own views each
have a row.

Reading a row: ``admin(staff=DENIED, coordinators=OK, coord_other=NOT_FOUND)`` means anonymous
visitors and portal people are sent to the admin sign-in, staff are refused, coordinators get
the page except the coordinator of another cohort, who gets a 404.
"""

from __future__ import annotations

import re
from dataclasses import replace

from django.urls import reverse

from tests.trust.access_matrix.expect import (
    COORDINATORS_ONLY,
    OWNER_ONLY,
    PAIR_ONLY,
    PORTAL_ANY,
    PUBLIC,
    Row,
    admin,
    expect,
    portal,
)
from tests.trust.access_matrix.outcomes import (
    BAD,
    CONFLICT,
    DENIED,
    EXCEPTION,
    GONE,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    REFUSALS,
    UNAUTHORIZED,
    UNPROCESSABLE,
)
from tests.trust.access_matrix.world import (
    ANON,
    APPLICANT_A,
    COORD_GLOBAL,
    COORD_OTHER,
    COORD_THIS,
    COORDINATORS_ALL,
    EDITOR,
    MENTOR,
    PORTAL_PEOPLE,
    REVIEWER_ASSIGNED,
    STAFF,
)


def _a(ids):
    return {"pk": ids["application_a"]}


def _this(ids):
    return {"pk": ids["this"]}


def _person_a(ids):
    return {"pk": ids["person_a"]}


def _agreement(ids):
    return {"pk": ids["agreement"]}


#: Only coordinators of all cohorts (granting roles, switching emails off for everyone).
GLOBAL_ONLY = admin(staff=DENIED, coord_global=OK)
#: A's application's coordinators (this cohort's and the global one): others get a 404.
A_COORDINATORS = admin(staff=NOT_FOUND, coord_this=OK, coord_global=OK)
#: Every coordinator (events are shared by all cohorts); other staff get a 404.
ANY_COORDINATOR_ELSE_404 = admin(staff=NOT_FOUND, coordinators=OK)
#: POST-only views: a GET is 405 for whoever gets past the sign-in wall.
PORTAL_POST_ONLY = portal(portal=NOT_ALLOWED)

ROWS: dict[str, Row] = {
    # --- public site, feeds, files -------------------------------------------------------
    "wagtail_serve": Row(PUBLIC, post=False),
    "events:ical_feed": Row(PUBLIC, post=False),
    "sitemap": Row(PUBLIC, post=False),
    "set_language": Row(expect(REDIRECT), post=False),
    "wagtailcore_login": Row(PUBLIC, post=False),
    "wagtailcore_authenticate_with_password": Row(expect(NOT_FOUND)),
    "wagtaildocs_serve": Row(expect(NOT_FOUND)),
    "wagtaildocs_authenticate_with_password": Row(expect(NOT_FOUND)),
    "^media/(?P<path>.*)$": Row(expect(NOT_FOUND)),
    # A's personal iCal feed: the secret in the URL is the key, whoever holds it.
    "calendar_feed": Row(PUBLIC, kwargs=lambda ids: {"token": ids["calendar_token"]}),
    # --- applications: drafts and private files ------------------------------------------
    "applications:resume_draft": Row(
        expect(REDIRECT), kwargs=lambda ids: {"token": ids["draft_token"]}, post=False
    ),
    "applications:download_upload": Row(
        expect(NOT_FOUND, owner=OK, reviewer=OK, coord_this=OK, coord_global=OK),
        why="A's CV: A, the assigned reviewer and A's coordinators; 404 for everyone else",
    ),
    # --- portal ------------------------------------------------------------------------------
    "portal:dashboard": Row(PORTAL_ANY),
    "portal:sign_in": Row(expect(OK, portal=REDIRECT), post=False),
    "portal:sign_in_sent": Row(PUBLIC, post=False),
    # An unknown or used link: 410 for everyone.
    "portal:sign_in_confirm": Row(expect(GONE), post=False),
    "portal:sign_out": Row(expect(NOT_ALLOWED), post=False),
    "portal:application_detail": Row(OWNER_ONLY),
    "portal:application_withdraw": Row(
        portal(owner=(OK, REDIRECT)), extra={"post_skip": (APPLICANT_A,)}
    ),
    "portal:application_amend": Row(
        portal(owner=(OK, REDIRECT, CONFLICT)), extra={"post_skip": (APPLICANT_A,)}
    ),
    # The person's own consents (a POST changes only their own answers).
    "portal:consents": Row(PORTAL_ANY, extra={"post_skip": PORTAL_PEOPLE}),
    "matching:list": Row(PORTAL_ANY),
    "matching:detail": Row(PAIR_ONLY, kwargs=lambda ids: {"pk": ids["pair1"]}),
    "matching:wishes": Row(OWNER_ONLY, kwargs=lambda ids: {"pk": ids["application_a"]}),
    "matching:preferences": Row(
        portal(partner=OK), kwargs=lambda ids: {"pk": ids["application_mentor"]}
    ),
    "agreements:list": Row(PORTAL_ANY),
    "agreements:detail": Row(PAIR_ONLY, kwargs=lambda ids: {"pk": ids["agreement"]}),
    "agreements:sign": Row(
        PORTAL_POST_ONLY,
        kwargs=lambda ids: {"pk": ids["agreement"]},
        extra={"post_skip": (APPLICANT_A, MENTOR)},
    ),
    "agreements:reject": Row(
        PORTAL_POST_ONLY,
        kwargs=lambda ids: {"pk": ids["agreement"]},
        extra={"post_skip": (APPLICANT_A, MENTOR)},
    ),
    "agreements:propose": Row(
        PORTAL_POST_ONLY,
        kwargs=lambda ids: {"pk": ids["agreement"]},
        extra={"post_skip": (APPLICANT_A, MENTOR)},
    ),
    "agreements:issued_pdf": Row(PAIR_ONLY, kwargs=lambda ids: {"pk": ids["agreement"]}),
    # Not sealed yet: nobody has it.
    "agreements:sealed_pdf": Row(portal(), kwargs=lambda ids: {"pk": ids["agreement"]}),
    "agreements:verify": Row(PUBLIC, post=False),
    "agreements:verify_code": Row(PUBLIC, post=False),
    "agreements_short_verify": Row(expect(REDIRECT), post=False),
    # One tandem: straight to it.
    "programme_life:tandems": Row(portal(portal=OK, pair=REDIRECT, other_mentee=REDIRECT)),
    "programme_life:tandem": Row(
        PAIR_ONLY,
        kwargs=lambda ids: {"pk": ids["pair1"]},
        extra={"post_skip": (APPLICANT_A, MENTOR)},
    ),
    "programme_life:meeting_action": Row(
        PORTAL_POST_ONLY,
        kwargs=lambda ids: {"pk": ids["pair1"], "meeting_pk": ids["meeting"], "action": "cancel"},
        extra={"post_skip": (APPLICANT_A, MENTOR)},
    ),
    "programme_life:events": Row(PORTAL_ANY),
    # Anyone signed in may ask for a place (non-participants are told no): not tried.
    "programme_life:event_register": Row(PORTAL_POST_ONLY, extra={"post_skip": PORTAL_PEOPLE}),
    "programme_life:event_cancel": Row(PORTAL_POST_ONLY, extra={"post_skip": (APPLICANT_A,)}),
    "programme_life:calendar": Row(PORTAL_ANY, extra={"post_skip": PORTAL_PEOPLE}),
    # A's survey link: the token is the key.
    "evaluation:answer": Row(PUBLIC, kwargs=lambda ids: {"token": ids["survey_token"]}, post=False),
    "evaluation:mine": Row(PORTAL_ANY),
}

# --- the staff console and the project's admin views: explicit rows ----------------------
ROWS.update(
    {
        "careersteps_submit_page_translation": Row(
            admin(staff=DENIED, editor=(OK, REDIRECT)), extra={"post_skip": (EDITOR,)}
        ),
        # Signed in with a verified device: nothing more to do here.
        # (DENIED includes "sent to the admin home", where enrolled staff go from setup.)
        "accounts_two_factor_verify": Row(admin(staff=(OK, REDIRECT, DENIED)), post=False),
        "accounts_two_factor_setup": Row(admin(staff=(OK, REDIRECT, DENIED)), post=False),
        "email_preview:decision_email": Row(A_COORDINATORS, kwargs=_a),
        "reviewer_page:cv": Row(
            admin(staff=NOT_FOUND, reviewer=OK),
            kwargs=lambda ids: {"pk": ids["assignment"], "upload_pk": ids["cv"]},
        ),
        "review_admin:my_reviews": Row(admin(staff=DENIED, reviewers=OK)),
        "review_admin:review": Row(
            admin(staff=(DENIED, NOT_FOUND), reviewer=OK),
            kwargs=lambda ids: {"pk": ids["assignment"]},
            extra={"post_skip": (REVIEWER_ASSIGNED,)},
        ),
        "review_admin:decisions": Row(COORDINATORS_ONLY, extra={"post_skip": COORDINATORS_ALL}),
        "review_admin:application": Row(
            admin(staff=(DENIED, NOT_FOUND), coord_this=OK, coord_global=OK),
            kwargs=_a,
            extra={"post_skip": (COORD_THIS, COORD_GLOBAL)},
        ),
        "matching_admin:index": Row(ANY_COORDINATOR_ELSE_404),
        "matching_admin:screen": Row(
            A_COORDINATORS, kwargs=_this, extra={"post_skip": (COORD_THIS, COORD_GLOBAL)}
        ),
        "matching_admin:why_not": Row(
            A_COORDINATORS,
            kwargs=lambda ids: {
                "path": reverse("matching_admin:why_not", kwargs={"pk": ids["this"]})
                + f"?mentee={ids['application_a']}&mentor={ids['application_mentor']}"
            },
        ),
        "agreements_admin:index": Row(ANY_COORDINATOR_ELSE_404),
        "agreements_admin:draft": Row(
            admin(staff=NOT_FOUND, coord_this=(OK, REDIRECT), coord_global=(OK, REDIRECT)),
            kwargs=lambda ids: {"match_pk": ids["pair1"]},
            extra={"post_skip": (COORD_THIS, COORD_GLOBAL)},
        ),
        "agreements_admin:detail": Row(
            A_COORDINATORS, kwargs=_agreement, extra={"post_skip": (COORD_THIS, COORD_GLOBAL)}
        ),
        "agreements_admin:pdf": Row(
            A_COORDINATORS, kwargs=lambda ids: {"pk": ids["agreement"], "kind": "issued"}
        ),
        # Programme events are shared by every cohort: any coordinator.
        "programme_life_admin:events": Row(ANY_COORDINATOR_ELSE_404),
        "programme_life_admin:event": Row(
            ANY_COORDINATOR_ELSE_404, extra={"post_skip": COORDINATORS_ALL}
        ),
        "evaluation_admin:index": Row(ANY_COORDINATOR_ELSE_404),
        "evaluation_admin:report": Row(A_COORDINATORS, kwargs=_this),
        "evaluation_admin:pdf": Row(A_COORDINATORS, kwargs=_this),
        "console:dashboard": Row(admin(staff=DENIED, coordinators=OK, reviewers=OK)),
        "console:year": Row(COORDINATORS_ONLY),
        # "Accept them now": POST only; a POST by anyone but a global coordinator is refused
        # (checked), the global coordinator's would accept the world's waiting submissions.
        "console:accept_waiting": Row(
            admin(staff=NOT_ALLOWED), extra={"post_skip": (COORD_GLOBAL,)}
        ),
        "console:withdraw": Row(
            A_COORDINATORS, kwargs=_a, extra={"post_skip": (COORD_THIS, COORD_GLOBAL)}
        ),
        "console:workflows": Row(COORDINATORS_ONLY),
        "console:failures": Row(COORDINATORS_ONLY, extra={"post_skip": COORDINATORS_ALL}),
        # Email switches apply to every cohort: a one-cohort coordinator may look, not switch.
        "console:workflow": Row(
            COORDINATORS_ONLY,
            extra={
                "post_skip": (COORD_GLOBAL,),
                "post_expect": {COORD_THIS: REFUSALS, COORD_OTHER: REFUSALS},
            },
        ),
        "next_cohort_admin:index": Row(ANY_COORDINATOR_ELSE_404),
        "next_cohort_admin:clone": Row(
            A_COORDINATORS, kwargs=_this, extra={"post_skip": (COORD_THIS, COORD_GLOBAL)}
        ),
        "next_cohort_admin:done": Row(
            A_COORDINATORS, kwargs=lambda ids: {"old": ids["this"], "new": ids["this"]}
        ),
        "next_cohort_admin:invite": Row(
            admin(staff=NOT_ALLOWED),  # POST only; a refused POST is a 404 (checked)
            kwargs=lambda ids: {"old": ids["this"], "new": ids["this"]},
            extra={"post_skip": (COORD_THIS, COORD_GLOBAL)},
        ),
        # Applications: coordinators (their cohorts) and reviewers (their assignments).
        "application_admin:index": Row(admin(staff=DENIED, coordinators=OK, reviewers=OK)),
        "application_admin:index_results": Row(admin(staff=DENIED, coordinators=OK, reviewers=OK)),
        "application_admin:inspect": Row(
            admin(staff=(DENIED, NOT_FOUND), coord_this=OK, coord_global=OK, reviewer=OK),
            kwargs=_a,
        ),
        # Assignments are listed here and made by the bulk actions and the review screens:
        # the viewset is read-only for everyone.
        "review_assignments:index": Row(COORDINATORS_ONLY),
        "review_assignments:index_results": Row(COORDINATORS_ONLY),
        "review_assignments:add": Row(admin(staff=DENIED)),
        "review_assignments:edit": Row(admin(staff=DENIED)),
        "review_assignments:delete": Row(admin(staff=DENIED)),
        "review_assignments:history": Row(admin(staff=DENIED)),
        "review_assignments:history_results": Row(admin(staff=DENIED)),
        "review_assignments:usage": Row(admin(staff=DENIED)),
        # Granting roles is reserved to global coordinators (and superusers): others may list.
        "cohort_roles:index": Row(COORDINATORS_ONLY),
        "cohort_roles:index_results": Row(COORDINATORS_ONLY),
        "cohort_roles:add": Row(GLOBAL_ONLY),
        "cohort_roles:edit": Row(GLOBAL_ONLY),
        "cohort_roles:delete": Row(GLOBAL_ONLY),
        "cohort_roles:copy": Row(GLOBAL_ONLY),
        "cohort_roles:history": Row(GLOBAL_ONLY),
        "cohort_roles:history_results": Row(GLOBAL_ONLY),
        "cohort_roles:usage": Row(GLOBAL_ONLY),
    }
)
# Privacy: a person's own data in the portal; export by their coordinators, erasure (which
# cannot be undone and reaches every cohort) and retention policies by global coordinators.
ROWS.update(
    {
        "privacy:overview": Row(PORTAL_ANY),
        "privacy:export-mine": Row(PORTAL_ANY),
        "privacy:request-erasure": Row(PORTAL_POST_ONLY, extra={"post_skip": PORTAL_PEOPLE}),
        "privacy_admin:export": Row(A_COORDINATORS, kwargs=_person_a),
        "privacy_admin:erase": Row(
            admin(staff=NOT_FOUND, coord_global=OK),
            kwargs=_person_a,
            extra={"post_skip": (COORD_GLOBAL,)},
        ),
        "privacy_admin:requests": Row(admin(staff=NOT_FOUND, coord_global=OK)),
        "privacy_admin:retention": Row(ANY_COORDINATOR_ELSE_404),
    }
)
for _view in ("index", "index_results", "history", "history_results", "usage"):
    ROWS[f"reviewer_profiles:{_view}"] = Row(COORDINATORS_ONLY)
for _view in ("add", "edit", "delete", "copy"):
    ROWS[f"reviewer_profiles:{_view}"] = Row(
        COORDINATORS_ONLY, extra={"post_skip": COORDINATORS_ALL}
    )

# --- Wagtail's own admin and API: rules by namespace --------------------------------------
#: Past the permission check (the object itself may not exist: 404; a POST-only view: 405).
IN = frozenset({OK, REDIRECT, NOT_FOUND, NOT_ALLOWED, BAD})
#: Refused by Wagtail's permission check (or 404 where it looks the object up first).
OUT = frozenset({DENIED, NOT_FOUND, NOT_ALLOWED})
EDITORS_IN = admin(staff=OUT, editor=IN)
NOBODY_IN = admin(staff=OUT)
ALL_STAFF_IN = admin(staff=IN)
EDITORS_AND_COORDINATORS_IN = admin(staff=OUT, editor=IN, coordinators=IN)
COORDINATORS_IN = admin(staff=OUT, coordinators=IN)
#: Open to anyone: sign-in, password reset, the admin's icons and translations.
ADMIN_PUBLIC = expect((OK, REDIRECT))
#: The API: reading published content is public; writing needs an API token nobody here has.
API_READ = expect((OK, NOT_FOUND, BAD))
API_REFUSED = expect((UNAUTHORIZED, NOT_ALLOWED))


def _snippets(model: str) -> str:
    return rf"wagtailsnippet(s|choosers)_{model}:.*"


#: Wagtail's own permissions know nothing of cohorts, assignments or pairs: its URLs are tried
#: by one actor of each kind (the project's own views by all of them).
WAGTAIL_ACTORS = (ANON, APPLICANT_A, REVIEWER_ASSIGNED, COORD_THIS, EDITOR)

RULES: list[tuple[re.Pattern, Row]] = [
    (re.compile(pattern), replace(row, extra={"actors": WAGTAIL_ACTORS, **row.extra}))
    for pattern, row in [
        # Public ends of the admin.
        (r"wagtailadmin_(password_reset.*|sprite|javascript_catalog)", Row(ADMIN_PUBLIC)),
        # Signed-in staff are sent on to the admin home (DENIED's redirect).
        (r"wagtailadmin_login", Row(expect(OK, staff=DENIED), post=False)),
        (r"wagtailadmin_logout", Row(admin(staff=(NOT_ALLOWED, REDIRECT)), post=False)),
        # Wagtail's own test of the error page (/admin/failwhale/) raises for any staff.
        (r"wagtailadmin_error_test", Row(admin(staff=EXCEPTION), post=False)),
        (r"admin/\^\.\*/\$", Row(admin(staff=NOT_FOUND))),
        # Uploading through a chooser: editors and coordinators (collection permissions).
        (r"wagtail(images|docs)_chooser:create", Row(EDITORS_AND_COORDINATORS_IN)),
        # Snippet choosers list titles to any staff (Wagtail checks no model permission);
        # creating through one follows the model's rule below.
        (
            r"wagtailsnippetchoosers_\w+:(choose|choose_results|chosen|chosen_multiple)",
            Row(ALL_STAFF_IN),
        ),
        # Every staff member: the dashboard, choosers, their account, the admin's own API.
        (
            r"wagtailadmin_(home|account|dismissibles|block_preview|tag_.*autocomplete"
            r"|choose_.*|editing_sessions:.*|api:.*|reports:site_history.*)"
            r"|admin/test404/|wagtailembeds:.*|wagtail(images|docs)_chooser:.*"
            r"|wagtail_localize:(javascript_catalog|snippets_api_.*|translations_report.*)"
            r"|wagtailadmin_pages:confirm_workflow_cancellation",
            Row(ALL_STAFF_IN),
        ),
        # Wagtail's task chooser opens for any staff; creating a task is a 400 without the
        # permission (checked).
        (
            r"wagtailadmin_workflows:task_chooser_create",
            Row(ALL_STAFF_IN, extra={"post_expect": {actor: {BAD} for actor in STAFF}}),
        ),
        (r"wagtailadmin_workflows:task_cho.*", Row(ALL_STAFF_IN)),
        # The move confirmation shows to any staff; the move itself (POST) is refused.
        (
            r"wagtailadmin_pages:move_confirm",
            Row(
                ALL_STAFF_IN,
                extra={"post_expect": {a: REFUSALS for a in STAFF if a != EDITOR}},
            ),
        ),
        (r"wagtailadmin_pages:revisions_index", Row(admin(staff=REDIRECT))),
        # Editors may not delete pages or form submissions.
        (
            r"wagtailadmin_pages:(delete|revisions_compare|workflow_preview)"
            r"|wagtailforms:delete_submissions",
            Row(NOBODY_IN),
        ),
        (r"wagtailsnippets:index", Row(admin(staff=IN, reviewers=OUT))),
        # Pages, reports on pages, translations: editors.
        (
            r"wagtailadmin_(explore.*|pages:.*|reports:.*)|wagtail_bulk_action"
            r"|wagtail_localize:.*|wagtailforms:.*",
            Row(EDITORS_IN),
        ),
        # Images and documents: editors and coordinators (collection permissions).
        (r"wagtail(images|docs):.*", Row(EDITORS_AND_COORDINATORS_IN)),
        # Snippets, per model.
        (_snippets("(base_footertext)"), Row(EDITORS_IN)),
        (_snippets("notifications_emailtemplate"), Row(EDITORS_AND_COORDINATORS_IN)),
        (_snippets("review_rubric"), Row(COORDINATORS_IN)),
        (_snippets(r"\w+"), Row(NOBODY_IN)),
        # Retention policies: coordinators of all cohorts (there is none yet: 404 past the
        # check for the detail views).
        (r"retention_policies:.*", Row(admin(staff=OUT, coord_global=IN))),
        # Users, groups, sites, locales, collections, workflows, redirects, settings: admins.
        (
            r"wagtailusers_.*|wagtailsites:.*|wagtaillocales:.*|wagtailadmin_collections:.*"
            r"|wagtailadmin_workflows:.*|wagtailredirects:.*|wagtailsettings:.*",
            Row(NOBODY_IN),
        ),
        (
            r"wagtailapi_v3:(openapi-.*|list_pages|find_page|detail_page|list_institutions"
            r"|detail_institution|list_forms|form_schema|list_redirects|find_redirect"
            r"|detail_redirect|list_documents|detail_document|list_images|detail_image|api-root)",
            Row(API_READ, post=False),
        ),
        # Sending an application: public; an empty one is refused as incomplete.
        (r"wagtailapi_v3:submit", Row(expect(UNPROCESSABLE), post=False)),
        (r"wagtailapi_v3:.*", Row(API_REFUSED)),
    ]
]


def row_for(key: str) -> Row | None:
    """The entry of ``key``: its own row, else the first rule that matches it."""
    if key in ROWS:
        return ROWS[key]
    for pattern, row in RULES:
        if pattern.fullmatch(key):
            return row
    return None
