"""The participants' tandem space, event registrations and calendar feed (portal views).

Thin: each view finds what the signed-in person may see (404 otherwise), parses input and
calls a service. A tandem, meeting or registration of someone else is not found.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from portal.views import applicant_required
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError, available_transitions
from workflows.programme_life import calendar, meetings, registrations, tandems
from workflows.programme_life.forms import MeetingForm
from workflows.programme_life.lifecycle import MEETING
from workflows.programme_life.models import CalendarFeed, EventRegistration, EventSignup
from workflows.programme_life.tasks import person_timezone


def own_tandem(request: HttpRequest, pk: int):
    match = tandems.tandems_of(request.portal_person).filter(pk=pk).first()
    if match is None:
        raise Http404
    return match


def _agreement(match):
    return match.agreements.order_by("-version").first()


@applicant_required
def tandem_list(request: HttpRequest) -> HttpResponse:
    from base.translated import translated, translations

    person = request.portal_person
    matches = list(tandems.tandems_of(person))
    # Cohort titles in the reader's language in one query (``localized`` is one per tandem);
    # like ``localized``, a translation still in draft is not shown.
    cohorts = [match.cohort for match in matches]
    found = translations(type(cohorts[0]), cohorts) if cohorts else {}
    titles = {key: page for key, page in found.items() if page.live}
    items = [
        {
            "match": match,
            "cohort_title": translated(match.cohort, titles).title,
            "role": tandems.role_in(match, person),
            "partner": tandems.partner_application(match, person),
            "closed": tandems.is_closed(match),
        }
        for match in matches
    ]
    if len(items) == 1:
        return redirect("programme_life:tandem", pk=items[0]["match"].pk)
    return render(request, "programme_life/tandem_list.html", {"items": items})


@applicant_required
@require_http_methods(["GET", "POST"])
def tandem_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = request.portal_person
    match = own_tandem(request, pk)
    closed = tandems.is_closed(match)
    institutions = [
        app.profile.institution
        for app in (match.mentee_application, match.mentor_application)
        if hasattr(app, "profile") and app.profile.institution_id
    ]
    form = MeetingForm(
        request.POST or None,
        institutions=institutions,
        default_zone=person_timezone(person).key,
    )
    if request.method == "POST":
        if closed:
            messages.error(request, _("This tandem has closed; its log can no longer change."))
            return redirect("programme_life:tandem", pk=match.pk)
        if form.is_valid():
            meetings.add_meeting(match, person, form.details(), Actor.from_request(request, person))
            messages.success(request, _("The meeting is in your log."))
            return redirect(reverse("programme_life:tandem", kwargs={"pk": match.pk}) + "#log")
    actor, now = Actor.from_request(request, person), timezone.now()
    log = [
        {
            "meeting": meeting,
            # "Held" only once the meeting has started; closed tandems change no more.
            "actions": []
            if closed
            else [
                t.name
                for t in available_transitions(MEETING, meeting, actor)
                if t.name != "mark_held" or meeting.starts_at <= now
            ],
            "mine": meeting.author_id == person.pk,
        }
        for meeting in meetings.visible_meetings(match, person)
    ]
    context = {
        "match": match,
        "role": tandems.role_in(match, person),
        "partner": tandems.partner_application(match, person),
        "agreement": _agreement(match),
        "log": log,
        "form": form,
        "closed": closed,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "programme_life/tandem_detail.html", context, status=status)


@applicant_required
@require_POST
def meeting_action(request: HttpRequest, pk: int, meeting_pk: int, action: str) -> HttpResponse:
    person = request.portal_person
    match = own_tandem(request, pk)
    meeting = get_object_or_404(
        meetings.visible_meetings(match, person).select_related("match"), pk=meeting_pk
    )
    actor = Actor.from_request(request, person)
    try:
        if action == "mark_held":
            meetings.mark_held(meeting, actor)
            messages.success(request, _("Marked as held."))
        elif action == "cancel":
            meetings.cancel(meeting, actor)
            messages.success(request, _("The meeting is cancelled."))
        else:
            raise Http404
    except TransitionError as error:
        messages.error(request, error.reason)
    return redirect(reverse("programme_life:tandem", kwargs={"pk": match.pk}) + "#log")


@applicant_required
def event_list(request: HttpRequest) -> HttpResponse:
    person = request.portal_person
    language = request.LANGUAGE_CODE
    signups = (
        EventSignup.objects.filter(event__ends_at__gte=timezone.now())
        .select_related("event")
        .order_by("event__starts_at")
    )
    mine = {
        registration.signup_id: registration
        for registration in EventRegistration.objects.filter(person=person, signup__in=signups)
    }
    items = [
        {
            "signup": signup,
            "page": registrations.event_in_language(signup.event, language),
            "registration": mine.get(signup.pk),
            "taken": registrations.places_taken(signup),
        }
        for signup in signups
    ]
    return render(
        request,
        "programme_life/event_list.html",
        {"items": items, "may_register": tandems.is_participant(person)},
    )


@applicant_required
@require_POST
def event_register(request: HttpRequest, signup_pk: int) -> HttpResponse:
    signup = get_object_or_404(EventSignup.objects.select_related("event"), pk=signup_pk)
    try:
        registration = registrations.register(signup, request.portal_person)
    except registrations.RegistrationRefused as refusal:
        messages.error(request, refusal.reason)
    else:
        if registration.state == EventRegistration.State.REGISTERED:
            messages.success(request, _("You are registered."))
        else:
            messages.info(
                request,
                _(
                    "The event is full: you are on the waiting list and will be told by email "
                    "if a place becomes free."
                ),
            )
    return redirect("programme_life:events")


@applicant_required
@require_POST
def event_cancel(request: HttpRequest, signup_pk: int) -> HttpResponse:
    registration = get_object_or_404(
        EventRegistration, signup_id=signup_pk, person=request.portal_person
    )
    registrations.cancel(registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect("programme_life:events")


@applicant_required
@require_http_methods(["GET", "POST"])
def calendar_settings(request: HttpRequest) -> HttpResponse:
    person = request.portal_person
    if request.method == "POST":
        calendar.renew(person)
        messages.success(
            request, _("Your calendar has a new address; the old one no longer works.")
        )
        return redirect("programme_life:calendar")
    feed = calendar.feed_for(person)
    url = request.build_absolute_uri(reverse("calendar_feed", kwargs={"token": feed.token}))
    return render(request, "programme_life/calendar.html", {"feed_url": url})


@never_cache
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The personal iCal feed; the secret in the URL is the only key (404 once renewed)."""
    feed = CalendarFeed.objects.filter(token=token).select_related("person").first()
    if feed is None:
        raise Http404
    body = calendar.build_calendar(feed.person).to_ical()
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="careersteps.ics"'
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
