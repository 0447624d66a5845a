"""Event registrations: places, the waiting list's order, moving up, attendance in the log."""

from __future__ import annotations

import threading

import pytest
from django.conf import settings
from django.core import mail

from tests.factories import ApplicationFactory, PersonFactory
from tests.programme_life.conftest import make_event, portal_client
from workflows.programme_life import registrations
from workflows.programme_life.models import EventRegistration, EventSignup, Meeting

Registered = EventRegistration.State


def participant(**fields):
    person = PersonFactory(**fields)
    ApplicationFactory(person=person, state="accepted")
    return person


@pytest.fixture
def signup(db):
    return EventSignup.objects.create(event=make_event(), capacity=2)


@pytest.mark.django_db
def test_places_then_a_waiting_list_in_order_of_arrival(signup):
    people = [participant() for _ in range(4)]
    states = [registrations.register(signup, person).state for person in people]
    assert states == [Registered.REGISTERED] * 2 + [Registered.WAITLISTED] * 2


@pytest.mark.django_db
def test_a_cancellation_moves_the_first_in_the_queue_up_and_tells_them_in_their_language(
    signup, run_tasks_inline
):
    first, second, third, fourth = (participant(preferred_language="de") for _ in range(4))
    holder = registrations.register(signup, first)
    registrations.register(signup, second)
    registrations.register(signup, third)
    registrations.register(signup, fourth)
    moved = registrations.cancel(holder)
    assert moved.person == third
    assert EventRegistration.objects.get(person=fourth).state == Registered.WAITLISTED
    assert [m.to for m in mail.outbox] == [[third.email]]
    assert "Platz" in mail.outbox[0].subject or "Platz" in mail.outbox[0].body


@pytest.mark.django_db
def test_registering_twice_keeps_one_place(signup):
    person = participant()
    registrations.register(signup, person)
    registrations.register(signup, person)
    assert EventRegistration.objects.filter(person=person).count() == 1


@pytest.mark.django_db
def test_someone_who_is_not_a_participant_is_refused_with_a_reason(signup):
    with pytest.raises(registrations.RegistrationRefused) as refusal:
        registrations.register(signup, PersonFactory())
    assert "participants" in refusal.value.reason


@pytest.mark.django_db
def test_an_attended_event_appears_once_in_the_tandems_log(tandem):
    signup = EventSignup.objects.create(event=make_event(days_ahead=-1), capacity=None)
    mentee = tandem.mentee_application.person
    registration = EventRegistration.objects.create(
        signup=signup, person=mentee, state=Registered.REGISTERED
    )
    registrations.mark_attendance(registration, True)
    registrations.mark_attendance(registration, True)
    entry = Meeting.objects.get(match=tandem)
    assert (entry.event_id, entry.state, entry.kind) == (signup.event_id, "held", "workshop")


@pytest.mark.django_db
def test_register_and_cancel_in_the_portal(client, signup):
    person = participant()
    client = portal_client(client, person)
    assert client.post(f"/en/portal/events/{signup.pk}/register/").status_code == 302
    assert EventRegistration.objects.get(person=person).state == Registered.REGISTERED
    assert client.post(f"/en/portal/events/{signup.pk}/cancel/").status_code == 302
    assert EventRegistration.objects.get(person=person).state == Registered.CANCELLED
    html = client.get("/cs/portal/events/").content.decode()
    assert signup.event.title in html


@pytest.mark.postgres
# Decided before any database is touched: a transactional test flushes the tables, and without
# serialized_rollback the next tests would find no Wagtail tree and fresh content type ids.
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL's row locks (DATABASE_URL=postgres://...)",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_exceed_the_capacity():
    signup = EventSignup.objects.create(event=make_event(), capacity=1)
    people = [participant() for _ in range(6)]
    barrier = threading.Barrier(len(people))
    errors = []

    def register(person):
        from django.db import connections

        try:
            barrier.wait()
            registrations.register(signup, person)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert EventRegistration.objects.filter(state=Registered.REGISTERED).count() == 1
    assert EventRegistration.objects.filter(state=Registered.WAITLISTED).count() == 5


@pytest.mark.django_db
def test_a_coordinator_sets_places_and_marks_attendance_in_the_admin(client, tandem):
    from tests.factories import UserFactory
    from workflows.access.groups import COORDINATORS

    coordinator = UserFactory(groups=[COORDINATORS])
    client.force_login(coordinator)
    event = make_event(days_ahead=-1)
    url = f"/admin/event-registrations/{event.pk}/"
    assert client.post(url, {"action": "settings", "capacity": "12", "is_open": "on"}).status_code
    signup = EventSignup.objects.get(event=event)
    assert signup.capacity == 12
    mentee = tandem.mentee_application.person
    registration = EventRegistration.objects.create(
        signup=signup, person=mentee, state=Registered.REGISTERED
    )
    client.post(url, {"action": "attended", "registration": registration.pk})
    assert Meeting.objects.filter(match=tandem, event=event).exists()
    assert "Event registrations" in client.get("/admin/event-registrations/").content.decode()


@pytest.mark.django_db
def test_people_outside_the_coordinators_get_404_in_the_admin(client):
    from tests.factories import UserFactory
    from workflows.access.groups import REVIEWERS

    client.force_login(UserFactory(groups=[REVIEWERS]))
    assert client.get("/admin/event-registrations/").status_code == 404
