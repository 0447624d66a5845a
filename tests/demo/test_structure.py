"""``manage.py demo`` builds the careerSTEPS site of the pilot, in English, Czech and German."""

import datetime
import zoneinfo

import pytest
from wagtail.models import Locale, Page

from base.models import FooterText
from cohorts.models import CohortIndexPage, CohortPage
from events.models import EventIndexPage, EventPage
from home.models import HomePage
from institutions.models import Institution
from news.models import NewsIndexPage, NewsPage
from programme.models import ProgrammePage

pytestmark = pytest.mark.django_db


def english_home() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="en")


def test_home_page_is_filled_in(demo):
    home = english_home()
    assert home.live and home.latest_revision_id
    assert "cross-border" in home.introduction.lower()
    assert [block.block_type for block in home.body] == [
        "heading",
        "paragraph",
        "call_to_action",
        "call_to_action",
    ]
    assert Page.objects.filter(depth=2).count() == 3  # en, cs, de roots; no stray copies


def test_top_level_pages_are_in_menus_in_order(demo):
    children = english_home().get_children().specific()
    assert [(type(page), page.slug) for page in children] == [
        (ProgrammePage, "about"),
        (ProgrammePage, "for-mentees"),
        (ProgrammePage, "for-mentors"),
        (ProgrammePage, "mentoring-year"),
        (NewsIndexPage, "news"),
        (EventIndexPage, "events"),
        (CohortIndexPage, "cohorts"),
    ]
    assert all(page.show_in_menus and page.live for page in children)


def test_programme_pages_use_the_rich_blocks(demo):
    types = {
        page.slug: {block.block_type for block in page.body}
        for page in ProgrammePage.objects.filter(locale__language_code="en")
    }
    assert {"faq", "call_to_action"} <= types["for-mentees"]
    assert {"faq", "call_to_action"} <= types["for-mentors"]
    assert {"faq", "quote", "call_to_action"} <= types["mentoring-year"]
    assert {"quote", "people"} <= types["about"]


def test_call_to_action_links_to_a_page(demo):
    mentees = ProgrammePage.objects.get(locale__language_code="en", slug="for-mentees")
    (cta,) = [block.value for block in mentees.body if block.block_type == "call_to_action"]
    assert cta["page"].specific == CohortIndexPage.objects.get(locale__language_code="en")


def test_partner_institutions(demo):
    uwb = Institution.objects.get(locale__language_code="en", website="https://www.zcu.cz")
    oth = Institution.objects.get(locale__language_code="en", website="https://www.oth-aw.de")
    assert (uwb.name, uwb.country) == ("University of West Bohemia", "CZ")
    assert (oth.name, oth.country) == ("OTH Amberg-Weiden", "DE")
    assert uwb.get_translation(Locale.objects.get(language_code="cs")).name == (
        "Západočeská univerzita v Plzni"
    )
    assert uwb.get_translation(Locale.objects.get(language_code="de")).name == (
        "Westböhmische Universität Pilsen"
    )
    assert oth.get_translation(Locale.objects.get(language_code="de")).name == (
        "Ostbayerische Technische Hochschule Amberg-Weiden"
    )
    assert Institution.objects.count() == 6


def test_news_of_the_pilot(demo):
    news = NewsPage.objects.filter(locale__language_code="en").order_by("date_published")
    assert [article.slug for article in news] == [
        "pilot-launched",
        "mentoring-forum-2024",
        "pilot-year-closed",
    ]
    forum = news.get(slug="mentoring-forum-2024")
    text = forum.introduction + str(forum.body)
    assert "29 and 30 May 2024" in text and "University of Pardubice" in text
    assert "only" in forum.introduction and "cross-border" in forum.introduction
    assert "evaluation over the summer" in text and "autumn" in text


def test_events_of_the_pilot_are_aware_and_local(demo):
    events = EventPage.objects.filter(locale__language_code="en")
    kickoff = events.get(slug="kick-off-2023")
    assert kickoff.event_type == EventPage.EventType.PROGRAMME_MEETING
    assert kickoff.local_starts_at.replace(tzinfo=None) == datetime.datetime(2023, 11, 16, 10, 0)
    assert kickoff.starts_at.utcoffset() is not None
    amberg = events.get(slug="visit-oth-amberg-weiden")
    assert amberg.timezone == "Europe/Berlin"
    assert amberg.starts_at == datetime.datetime(
        2024, 6, 13, 10, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin")
    )
    assert amberg.institution.website == "https://www.oth-aw.de"
    workshop = events.get(slug="workshop-research-careers")
    assert workshop.online_url.startswith("https://")
    closing = events.get(slug="closing-meeting-2024")
    assert closing.local_starts_at.date() == datetime.date(2024, 7, 11)
    assert {event.event_type for event in events} == set(EventPage.EventType.values)
    assert all(event.venue or event.online_url for event in events)


def test_translated_event_points_at_the_translated_institution(demo):
    cs = Locale.objects.get(language_code="cs")
    kickoff = EventPage.objects.get(locale__language_code="en", slug="kick-off-2023")
    czech = kickoff.get_translation(cs)
    assert czech.institution.locale == cs
    assert czech.institution.name == "Západočeská univerzita v Plzni"
    assert czech.starts_at == kickoff.starts_at and czech.timezone == kickoff.timezone


def test_pilot_cohort_is_closed_and_the_next_one_open(demo):
    cohorts = CohortPage.objects.filter(locale__language_code="en")
    pilot = cohorts.get(slug="pilot-2023-24")
    assert pilot.application_status() == CohortPage.ApplicationStatus.CLOSED
    assert (pilot.programme_starts_on, pilot.programme_ends_on) == (
        datetime.date(2023, 11, 1),
        datetime.date(2024, 7, 31),
    )
    assert pilot.capacity == 10
    assert [i.website for i in pilot.mentee_institutions.all()] == ["https://www.oth-aw.de"]
    assert [i.website for i in pilot.mentor_institutions.all()] == ["https://www.zcu.cz"]
    (current,) = cohorts.exclude(pk=pilot.pk)
    assert current.application_status() == CohortPage.ApplicationStatus.OPEN
    assert current.programme_starts_on > current.application_closes_at.date()
    assert current.programme_ends_on.month == 7


def test_footer_in_three_languages(demo):
    footers = {f.locale.language_code: f for f in FooterText.objects.all()}
    assert set(footers) == {"en", "cs", "de"}
    assert all(footer.live for footer in footers.values())
    assert "přeshraniční" in footers["cs"].body
    assert "grenzüberschreitende" in footers["de"].body
    assert footers["en"].translation_key == footers["cs"].translation_key


def test_output_reports_what_it_did(demo):
    assert "Demo loaded" in demo
    assert "created" in demo and "translated" in demo
