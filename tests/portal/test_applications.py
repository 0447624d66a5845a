"""The portal's application pages: status timeline, withdraw, amend, and privacy."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from applications.models import Application
from tests.factories import ApplicationFactory, PersonFactory, UserFactory, make_cohort
from tests.portal.conftest import signed_in_client
from workflows.engine.actors import Actor
from workflows.engine.engine import apply_transition, record_start
from workflows.engine.models import HistoryEntry
from workflows.lifecycles.application import APPLICATION
from workflows.roles import COORDINATORS

pytestmark = pytest.mark.django_db


def url(name: str, language: str = "en", **kwargs) -> str:
    with translation.override(language):
        return reverse(f"portal:{name}", kwargs=kwargs)


def translated(language: str, state: str) -> str:
    """The state's label in ``language``; it must really be translated."""
    with translation.override(language):
        label = str(APPLICATION.state(state).label)
    with translation.override("en"):
        source = str(APPLICATION.state(state).label)
    assert label != source, f"{state} is not translated"
    return label


@pytest.fixture
def coordinator(db):
    return UserFactory(groups=[COORDINATORS])


def move(application: Application, *transitions: str, user, message: str = "", comment: str = ""):
    for name in transitions:
        apply_transition(
            APPLICATION,
            application,
            name,
            Actor(user=user),
            comment=comment or "internal note",
            message=message,
        )


def test_signed_out_visitors_are_sent_to_sign_in(client, application):
    for name, kwargs in [
        ("dashboard", {}),
        ("application_detail", {"pk": application.pk}),
        ("application_withdraw", {"pk": application.pk}),
        ("application_amend", {"pk": application.pk}),
    ]:
        response = client.get(url(name, **kwargs))
        assert response.status_code == 302
        assert response["Location"] == url("sign_in")


def test_portal_shows_the_status_timeline_in_the_readers_language(application, coordinator):
    record_start(APPLICATION, application, Actor(person=application.person))
    move(
        application,
        "start_review",
        "request_changes",
        user=coordinator,
        message="Please add your thesis topic.",
        comment="Weak motivation, internal only",
    )
    client = signed_in_client(application.person)

    english = client.get(url("dashboard")).content.decode()
    assert "Submitted" in english and "In review" in english
    assert "Changes requested" in english
    assert "Please add your thesis topic." in english
    assert "Weak motivation, internal only" not in english  # internal comments stay internal
    assert coordinator.get_full_name() not in english

    czech = client.get(url("application_detail", "cs", pk=application.pk)).content.decode()
    assert translated("cs", "changes_requested") in czech
    assert "Please add your thesis topic." in czech
    assert "Weak motivation" not in czech
    german = client.get(url("application_detail", "de", pk=application.pk)).content.decode()
    assert translated("de", "changes_requested") in german
    entry = HistoryEntry.objects.for_object(application).last()
    with translation.override("de"):
        from django.utils.formats import date_format
        from django.utils.timezone import localtime

        assert date_format(localtime(entry.created_at), "DATETIME_FORMAT") in german


def test_dashboard_titles_each_cohort_in_the_readers_language_once_published(application, locales):
    """The cohort's published translation in the reader's language, else its own title: a
    draft translation is not shown (as ``page.localized``), nor one cohort's for another's."""
    cohort = application.cohort
    german = cohort.copy_for_translation(locales["de"], copy_parents=True)
    german.title = "Jahrgang 2026/27"
    german.save_revision().publish()
    czech = cohort.copy_for_translation(locales["cs"], copy_parents=True)
    czech.title = "Ročník 2026/27 (koncept)"
    czech.save()  # a draft: never published
    other = ApplicationFactory(
        person=application.person, cohort=make_cohort(title="Cohort without translations")
    )
    client = signed_in_client(application.person)

    for language, title in (("en", cohort.title), ("de", "Jahrgang 2026/27"), ("cs", cohort.title)):
        page = client.get(url("dashboard", language)).content.decode()
        card = page.split(f'id="application-{application.pk}"')[1].split("</h2>")[0]
        assert title in card, language
        other_card = page.split(f'id="application-{other.pk}"')[1].split("</h2>")[0]
        assert "Cohort without translations" in other_card, language
        assert "Jahrgang" not in other_card and "koncept" not in page, language


def test_withdraw_needs_a_confirmation_and_is_recorded(application):
    client = signed_in_client(application.person)
    page = client.get(url("application_withdraw", pk=application.pk))
    assert page.status_code == 200
    assert b'id="withdraw-confirm"' in page.content
    application.refresh_from_db()
    assert application.state == "submitted"  # the GET only asks

    response = client.post(
        url("application_withdraw", pk=application.pk),
        {"reason": "I got a PhD position elsewhere."},
        HTTP_USER_AGENT="pytest",
    )
    assert response.status_code == 302
    assert response["Location"] == url("application_detail", pk=application.pk)
    application.refresh_from_db()
    assert application.state == "withdrawn"
    entry = HistoryEntry.objects.for_object(application).get(transition="withdraw")
    assert entry.from_state == "submitted"
    assert entry.actor_label == application.person.full_name
    assert entry.actor_user is None
    assert entry.comment == "I got a PhD position elsewhere."
    assert entry.user_agent == "pytest"

    detail = client.get(url("application_detail", pk=application.pk)).content.decode()
    assert "Withdrawn" in detail
    assert 'id="withdraw-link"' not in detail

    again = client.post(url("application_withdraw", pk=application.pk), {"reason": ""})
    assert again.status_code == 409
    assert HistoryEntry.objects.for_object(application).filter(transition="withdraw").count() == 1


def test_withdraw_refused_in_a_final_state_with_a_translated_reason(application, coordinator):
    move(application, "start_review", "reject", user=coordinator)
    client = signed_in_client(application.person)
    response = client.post(url("application_withdraw", "de", pk=application.pk), {})
    assert response.status_code == 409
    assert translated("de", "rejected") in response.content.decode()  # named in German
    application.refresh_from_db()
    assert application.state == "rejected"


def test_amend_only_when_changes_were_requested(application, coordinator):
    client = signed_in_client(application.person)
    for state_path in [(), ("start_review",)]:
        move(application, *state_path, user=coordinator)
        response = client.post(
            url("application_amend", pk=application.pk), {"language": "de", "note": "x"}
        )
        assert response.status_code == 409
        assert b'id="amend-refused"' in response.content
        application.refresh_from_db()
        assert application.language == "en"
        assert not HistoryEntry.objects.for_object(application).filter(transition="amend")


def test_amend_saves_the_answers_and_returns_to_review(application, coordinator):
    move(
        application,
        "start_review",
        "request_changes",
        user=coordinator,
        message="Please write to us in German.",
    )
    client = signed_in_client(application.person)
    page = client.get(url("application_amend", pk=application.pk))
    assert page.status_code == 200
    assert "Please write to us in German." in page.content.decode()
    assert b'id="id_language"' in page.content and b'id="id_note"' in page.content

    bad = client.post(url("application_amend", pk=application.pk), {"language": "xx"})
    assert bad.status_code == 422
    assert bad.context["form"].errors["language"]
    application.refresh_from_db()
    assert application.state == "changes_requested"

    response = client.post(
        url("application_amend", pk=application.pk),
        {"language": "de", "note": "Switched to German."},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == "in_review"
    assert application.language == "de"
    entry = HistoryEntry.objects.for_object(application).get(transition="amend")
    assert entry.to_state == "in_review"
    assert entry.comment == "Switched to German."


def test_amend_refused_by_a_race_saves_nothing(application, coordinator):
    """The coordinator withdrew it while the applicant edited: the answers are not written."""
    from applications.services import amend_application
    from portal.forms import amend_form_class
    from workflows.engine.engine import TransitionError

    move(application, "start_review", "request_changes", user=coordinator, message="m")
    stale = Application.objects.get(pk=application.pk)
    move(application, "withdraw", user=coordinator)
    form = amend_form_class()({"language": "cs"}, instance=stale)
    assert form.is_valid()
    with pytest.raises(TransitionError):
        amend_application(stale, Actor(person=application.person), form=form)
    application.refresh_from_db()
    assert application.state == "withdrawn"
    assert application.language == "en"


def test_applicant_a_cannot_reach_bs_application_through_any_portal_url(application):
    other = ApplicationFactory(person=PersonFactory(), cohort=application.cohort)
    client = signed_in_client(application.person)
    for name in ("application_detail", "application_withdraw", "application_amend"):
        assert client.get(url(name, pk=other.pk)).status_code == 404
        assert client.post(url(name, pk=other.pk), {"language": "cs"}).status_code == 404
        assert client.get(url(name, pk=application.pk)).status_code in {200, 409}
    dashboard = client.get(url("dashboard")).content.decode()
    assert f'id="application-{application.pk}"' in dashboard
    assert f'id="application-{other.pk}"' not in dashboard
    assert other.person.full_name not in dashboard
    other.refresh_from_db()
    assert other.state == "submitted" and other.language == "en"
    assert not HistoryEntry.objects.for_object(other).exists()
