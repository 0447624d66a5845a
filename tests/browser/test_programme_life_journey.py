"""The programme year, end to end: a German mentee logs a meeting shared with her Czech mentor,
who sees it on a phone; she registers for a programme event and answers the end survey; the
coordinator opens the cohort's evaluation report. Screenshots cs/de, desktop and phone."""

from __future__ import annotations

import datetime

import pytest

from .axe import assert_accessible
from .journeys import sign_in_link, unique_email
from .test_review_journey import COORDINATOR, admin_login

pytestmark = pytest.mark.browser


def setup_code(mentee_email: str, mentor_email: str) -> str:
    return f"""
import datetime
from django.utils import timezone
from applications.models import Application, ApplicantProfile, Person
from events.models import EventPage
from institutions.models import Institution
from workflows.evaluation import services as evaluation
from workflows.evaluation.models import Survey, SurveyInvitation, SurveyRound
from workflows.matching.lifecycle import CONFIRMED
from workflows.matching.models import Match
from workflows.programme_life.models import EventSignup

newest = Application.objects.filter(role="mentee").order_by("-cohort__programme_starts_on")
cohort = newest.first().cohort
institutions = {{i.country: i for i in Institution.objects.filter(locale__language_code="en")}}
applications = []
for email, name, language, role, country, goals in (
    ({mentee_email!r}, "Jana Größmann", "de", "mentee", "DE",
     "- Eine Promotion in Pilsen prüfen\\n- Ein Labor kennenlernen"),
    ({mentor_email!r}, "Řehoř Šťastný", "cs", "mentor", "CZ", ""),
):
    person = Person.objects.create(email=email, full_name=name, preferred_language=language)
    application = Application.objects.create(
        person=person, cohort=cohort, role=role, language=language, state="accepted"
    )
    ApplicantProfile.objects.create(
        application=application, institution=institutions[country], faculty="F",
        programme_or_position="P", meeting_preference="mixed", goals=goals,
        timezone="Europe/Berlin" if country == "DE" else "Europe/Prague",
        privacy_notice_version="1", consented_at=timezone.now(),
    )
    applications.append(application)
match = Match.objects.create(
    cohort=cohort, mentee_application=applications[0], mentor_application=applications[1],
    state=CONFIRMED,
)
upcoming = EventPage.objects.filter(locale__language_code="en", starts_at__gt=timezone.now())
event = upcoming.order_by("starts_at").first()
signup, _ = EventSignup.objects.get_or_create(event=event, defaults={{"capacity": 30}})
survey = Survey.objects.filter(locale__language_code="en").first()
survey_round, _ = SurveyRound.objects.get_or_create(
    cohort=cohort, moment="end", audience="mentees",
    defaults={{"survey": survey, "send_on": timezone.localdate()}},
)
evaluation.send_round(survey_round, email=False)
token = SurveyInvitation.objects.get(round=survey_round, person=applications[0].person).token
result = [match.pk, signup.pk, token, cohort.pk]
"""


def sign_in(context, live_site, email, language):
    page = context.new_page()
    page.goto(sign_in_link(live_site, page, email, language))
    page.locator("#sign-in-confirm").click()
    page.wait_for_url(f"**/{language}/portal/")
    return page


def test_mentee_logs_a_shared_meeting_registers_answers_coordinator_reads_the_report(
    new_context, phone_context, live_site, shots
):
    mentee_email = unique_email("jana.groessmann", "oth-aw.example.de")
    mentor_email = unique_email("rehor.stastny", "zcu.example.cz")
    match, signup, token, cohort = live_site.query(setup_code(mentee_email, mentor_email))

    mentee = sign_in(new_context(), live_site, mentee_email, "de")
    mentee.goto("/de/portal/tandems/")
    mentee.wait_for_url(f"**/de/portal/tandems/{match}/")
    assert "Řehoř Šťastný" in mentee.locator("#partner-contact").inner_text()
    shots.take(mentee, "mentee-de-tandem")
    assert_accessible(mentee)
    last_week = datetime.date.today() - datetime.timedelta(days=7)
    form = mentee.locator("#meeting-form")
    form.locator("input[name='status'][value='held']").check()
    form.locator("input[name='date']").fill(last_week.isoformat())
    form.locator("input[name='start_time']").fill("17:30")
    form.locator("select[name='timezone']").select_option("Europe/Berlin")
    form.locator("input[name='duration_minutes']").fill("50")
    form.locator("select[name='kind']").select_option("meeting")
    form.locator("input[name='mode'][value='online']").check()
    form.locator("input[name='visibility'][value='shared']").check()
    form.locator("textarea[name='notes']").fill(
        "Promotionsthemen besprochen – nächster Termin im Labor."
    )
    form.locator("button[type='submit']").click()
    mentee.wait_for_load_state()
    entry = mentee.locator(".meeting[data-state='held']")
    assert entry.count() == 1
    shots.take(mentee, "mentee-de-logged")

    mentor = sign_in(phone_context, live_site, mentor_email, "cs")
    mentor.goto(f"/cs/portal/tandems/{match}/")
    assert "Promotionsthemen besprochen" in mentor.locator(".meeting-log").inner_text()
    assert mentor.locator("html").get_attribute("lang") == "cs"
    shots.take(mentor, "mentor-cs-phone-sees-the-meeting")
    assert_accessible(mentor)

    mentee.goto("/de/portal/events/")
    mentee.locator(f"#event-{signup} button[type='submit']").click()
    mentee.wait_for_load_state()
    assert (
        mentee.locator(f"#event-{signup} .event-registration").get_attribute("data-state")
        == "registered"
    )
    shots.take(mentee, "mentee-de-registered")

    mentee.goto(f"/de/survey/{token}/")
    shots.take(mentee, "mentee-de-survey")
    survey = mentee.locator("#survey-form")
    for group in survey.locator("fieldset").all():
        group.locator("input[type='radio']").last.check()
    survey.locator("button[type='submit']").click()
    mentee.wait_for_load_state()
    assert mentee.locator("#survey-thanks").count() == 1
    shots.take(mentee, "mentee-de-survey-sent")

    coordinator = admin_login(new_context(), COORDINATOR)
    coordinator.goto(f"/admin/evaluation/{cohort}/")
    assert coordinator.locator(".aggregate[data-shown='no']").count() >= 1  # one answer: withheld
    shots.take(coordinator, "coordinator-open-cohort-report")
    coordinator.goto("/admin/evaluation/")
    coordinator.locator("a", has_text="2023").first.click()
    coordinator.wait_for_load_state()
    assert coordinator.locator(".aggregate[data-shown='yes'] svg").count() >= 1
    shots.take(coordinator, "coordinator-pilot-report")
