"""One data set for the whole matrix: two cohorts, applicant A (mentee of pair 1, with a CV,
a draft, an agreement, a meeting, an event registration, a calendar feed and a survey
invitation), applicant B, pair 2, and every staff role.

Every URL's arguments are taken from what A or pair 1 owns, so "applicant B opens A's CV" is
actually tried. Built once per test class (``setUpTestData``): it renders PDFs and pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Locale

from applications.models import Draft, Upload
from tests.agreements.conftest import make_template
from tests.applications.conftest import make_form_page, make_pdf
from tests.evaluation.conftest import make_survey
from tests.factories import ApplicationFactory, PersonFactory, UserFactory, make_cohort
from tests.programme_life.conftest import _profile, make_event
from workflows.access.models import CohortRole
from workflows.roles import COORDINATORS, EDITORS, REVIEWERS

# The actors, in the order the matrix lists them.
ANON = "anonymous"
APPLICANT_A = "applicant A"
APPLICANT_B = "applicant B"
REVIEWER_ASSIGNED = "reviewer assigned"
REVIEWER_OTHER = "reviewer not assigned"
COORD_THIS = "coordinator of this cohort"
COORD_OTHER = "coordinator of another cohort"
COORD_GLOBAL = "global coordinator"
EDITOR = "editor"
MENTOR = "mentor of pair 1"
OTHER_MENTEE = "mentee of pair 2"

ACTORS = (
    ANON,
    APPLICANT_A,
    APPLICANT_B,
    REVIEWER_ASSIGNED,
    REVIEWER_OTHER,
    COORD_THIS,
    COORD_OTHER,
    COORD_GLOBAL,
    EDITOR,
    MENTOR,
    OTHER_MENTEE,
)
#: Signed in to the portal (a person, no staff account).
PORTAL_PEOPLE = (APPLICANT_A, APPLICANT_B, MENTOR, OTHER_MENTEE)
#: Signed in to the admin with a password and a verified second factor.
STAFF = (REVIEWER_ASSIGNED, REVIEWER_OTHER, COORD_THIS, COORD_OTHER, COORD_GLOBAL, EDITOR)
COORDINATORS_ALL = (COORD_THIS, COORD_OTHER, COORD_GLOBAL)
REVIEWERS_ALL = (REVIEWER_ASSIGNED, REVIEWER_OTHER)


@dataclass
class World:
    """What the URLs' arguments are filled from (primary keys, tokens, codes)."""

    ids: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)  # actor -> Person (portal actors)
    users: dict = field(default_factory=dict)  # actor -> User (staff actors)
    devices: dict = field(default_factory=dict)  # actor -> TOTPDevice

    def client_for(self, actor: str) -> Client:
        """A client signed in as ``actor``: staff with a password and a verified TOTP device
        (as django-otp's login stores it), portal people as after using a sign-in link."""
        client = Client()
        if actor in self.users:
            client.force_login(self.users[actor])
            session = client.session
            session[DEVICE_ID_SESSION_KEY] = self.devices[actor].persistent_id
            session.save()
        elif actor in self.people:
            session = client.session
            session["portal_person_id"] = self.people[actor].pk
            session.save()
        return client


def _staff(username: str, group: str) -> tuple:
    user = UserFactory(username=username, groups=[group])
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user, device


def _admin_ids(page) -> dict:
    """The objects Wagtail's own admin URLs are tried on: each snippet model's first row,
    the cohort page's latest revision, the default site, the English locale, ..."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Site
    from wagtail.snippets.models import get_snippet_models

    from institutions.models import Institution

    ids = {
        "page_revision": page.latest_revision_id,
        "site": Site.objects.get(is_default_site=True).pk,
        "collection": Collection.get_first_root_node().pk,
        "institution": Institution.objects.order_by("pk").first().pk,
        "pk:wagtailsites": Site.objects.get(is_default_site=True).pk,
        "pk:wagtaillocales": Locale.objects.get(language_code="en").pk,
        "pk:wagtailadmin_collections": Collection.get_first_root_node().pk,
        "pk:wagtailusers_groups": Group.objects.get(name=COORDINATORS).pk,
    }
    for model in get_snippet_models():
        first = model.objects.order_by("pk").first()
        label = f"{model._meta.app_label}_{model._meta.model_name}"
        if first is not None:
            ids[f"pk:wagtailsnippets_{label}"] = first.pk
            ids[f"pk:wagtailsnippetchoosers_{label}"] = first.pk
    del apps
    return ids


def build_world() -> World:
    """Create the data set (see the module docstring)."""
    from applications.models import Discipline, PrivacyNotice
    from events.models import EventPage
    from tests.factories import InstitutionFactory as Institutions
    from tests.factories import english
    from workflows.agreements import services as agreements
    from workflows.agreements.services import settings_for
    from workflows.engine.actors import Actor
    from workflows.evaluation.models import SurveyInvitation, SurveyRound
    from workflows.matching.lifecycle import CONFIRMED
    from workflows.matching.models import Match
    from workflows.programme_life.models import (
        CalendarFeed,
        EventRegistration,
        EventSignup,
        Meeting,
    )
    from workflows.review.models import ReviewAssignment, ReviewerProfile, Rubric

    world = World()
    for code in ("cs", "de"):
        Locale.objects.get_or_create(language_code=code)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    Discipline.objects.get_or_create(key="informatics", locale=english(), defaults={"name": "IT"})
    PrivacyNotice.objects.create(
        version="2026-09",
        title="Privacy notice",
        text="<p>We keep your data safe.</p>",
        effective_from=timezone.now() - dt.timedelta(days=30),
        locale=english(),
    )
    today = timezone.localdate()
    this = make_cohort(
        title="Cohort This",
        programme_starts_on=today - dt.timedelta(days=60),
        programme_ends_on=today + dt.timedelta(days=120),
    )
    other = make_cohort(title="Cohort Other", open_now=False)
    form = make_form_page(this, "mentee")

    # Staff.
    coord_this, dev = _staff("coord-this", COORDINATORS)
    world.users[COORD_THIS], world.devices[COORD_THIS] = coord_this, dev
    coord_other, dev = _staff("coord-other", COORDINATORS)
    world.users[COORD_OTHER], world.devices[COORD_OTHER] = coord_other, dev
    world.users[COORD_GLOBAL], world.devices[COORD_GLOBAL] = _staff("coord-all", COORDINATORS)
    world.users[REVIEWER_ASSIGNED], world.devices[REVIEWER_ASSIGNED] = _staff("rev-a", REVIEWERS)
    world.users[REVIEWER_OTHER], world.devices[REVIEWER_OTHER] = _staff("rev-x", REVIEWERS)
    world.users[EDITOR], world.devices[EDITOR] = _staff("editor", EDITORS)
    role_this = CohortRole.objects.create(user=coord_this, role="coordinator", cohort=this)
    role_other = CohortRole.objects.create(user=coord_other, role="coordinator", cohort=other)

    # Applicant A (mentee, accepted) and pair 1; applicant B; pair 2.
    a = PersonFactory(full_name="Anna Applicant", email="anna@example.org")
    b = PersonFactory(full_name="Bert Applicant", email="bert@example.org")
    mentor = PersonFactory(full_name="Martin Mentor", email="martin@example.org")
    mentee2 = PersonFactory(full_name="Nora Mentee", email="nora@example.org")
    mentor2 = PersonFactory(full_name="Otto Mentor", email="otto@example.org")
    world.people.update({APPLICANT_A: a, APPLICANT_B: b, MENTOR: mentor, OTHER_MENTEE: mentee2})
    institution = Institutions(name="OTH Amberg-Weiden")

    def accepted(person, role):
        application = ApplicationFactory(person=person, cohort=this, role=role, state="accepted")
        _profile(application, institution)
        return application

    app_a = accepted(a, "mentee")
    app_b = ApplicationFactory(person=b, cohort=this, role="mentee", state="submitted")
    _profile(app_b, institution)
    app_mentor = accepted(mentor, "mentor")
    app_mentee2, app_mentor2 = accepted(mentee2, "mentee"), accepted(mentor2, "mentor")
    app_other = ApplicationFactory(cohort=other, role="mentee", state="submitted")
    cv = Upload.objects.create(
        field_key="cv",
        original_name="anna-cv.pdf",
        size=1,
        sha256="0" * 64,
        application=app_a,
        file=ContentFile(make_pdf(), name="cv.pdf"),
    )
    draft = Draft.objects.create(form_page=form, email=a.email, language="en", data={})
    assignment = ReviewAssignment.objects.create(
        application=app_a, reviewer=world.users[REVIEWER_ASSIGNED]
    )
    other_assignment = ReviewAssignment.objects.create(
        application=app_b, reviewer=world.users[REVIEWER_OTHER]
    )
    profile = ReviewerProfile.objects.create(user=world.users[REVIEWER_ASSIGNED])
    pair1 = Match.objects.create(
        cohort=this, mentee_application=app_a, mentor_application=app_mentor, state=CONFIRMED
    )
    pair2 = Match.objects.create(
        cohort=this, mentee_application=app_mentee2, mentor_application=app_mentor2, state=CONFIRMED
    )
    agreement_settings = settings_for(this)
    agreement_settings.template = make_template(locales)
    agreement_settings.save()
    staff_actor = Actor(user=coord_this)
    agreement = agreements.create_draft(pair1, staff_actor)
    agreements.issue(agreement, staff_actor)
    agreement.refresh_from_db()
    agreements.ensure_issued_pdf(agreement)
    agreement.refresh_from_db()
    meeting = Meeting.objects.create(
        match=pair1,
        author=a,
        starts_at=timezone.now() + dt.timedelta(days=3),
        mode=Meeting.Mode.ONLINE,
    )
    event = make_event()
    signup = EventSignup.objects.create(event=event, capacity=10)
    EventRegistration.objects.create(signup=signup, person=a, state="registered")
    feed = CalendarFeed.objects.create(person=a)
    survey_round = SurveyRound.objects.create(
        cohort=this,
        survey=make_survey(),
        moment=SurveyRound.Moment.END,
        audience=SurveyRound.Audience.MENTEES,
        send_on=today,
    )
    invitation = SurveyInvitation.objects.create(round=survey_round, person=a, role="mentee")
    rubric = Rubric.objects.filter(locale=english()).first()
    world.ids.update(_admin_ids(this))
    world.ids.update(
        this=this.pk,
        other=other.pk,
        form=form.pk,
        application_a=app_a.pk,
        application_b=app_b.pk,
        application_other=app_other.pk,
        application_mentor=app_mentor.pk,
        person_a=a.pk,
        cv=cv.pk,
        draft_token=draft.token,
        assignment=assignment.pk,
        other_assignment=other_assignment.pk,
        reviewer_profile=profile.pk,
        role_this=role_this.pk,
        role_other=role_other.pk,
        pair1=pair1.pk,
        pair2=pair2.pk,
        agreement=agreement.pk,
        verification_code=agreement.verification_code,
        meeting=meeting.pk,
        event=EventPage.objects.get(pk=event.pk).pk,
        signup=signup.pk,
        calendar_token=feed.token,
        survey_token=invitation.token,
        rubric=rubric.pk if rubric else 0,
    )
    world.ids.update(
        {
            "pk:cohort_roles": role_this.pk,
            "pk:review_assignments": assignment.pk,
            "pk:reviewer_profiles": profile.pk,
            "pk:application_admin": app_a.pk,
            "pk:wagtailusers_users": coord_this.pk,
            # The portal's and the private files' <pk>: A's application and A's CV. Without
            # them the path fell back to 1, which is A's only where ids start at 1 (SQLite
            # after each rollback), not on PostgreSQL once earlier tests used the sequences.
            "pk:portal": app_a.pk,
            "pk:applications": cv.pk,
        }
    )
    return world
