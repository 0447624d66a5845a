"""Invite the previous cohort's mentors to apply again, each in their own language."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from applications.models import Application, ApplicationFormPage
from applications.queues import PLACE_TAKING_STATES
from cohorts.models import CohortPage
from consents.purposes import PROGRAMME_CONTACT
from consents.services import withdrawn_person_ids
from workflows.notifications.failures import objects_by_id
from workflows.notifications.models import OutboundEmail
from workflows.notifications.services import queue_email, supported_language

TEMPLATE = "next_cohort_invite"


class InvitationRefused(Exception):
    """Nothing was sent (the message says why, translated)."""


def invitation_key(new_cohort: CohortPage, person) -> str:
    return f"next-cohort:{new_cohort.pk}:{person.pk}"


def invitation_cohorts(ids: list[str]) -> dict[str, CohortPage]:
    """The cohorts invitation emails are about, by the cohort id of their keys (for the
    failed-emails scope; many ids, one query)."""
    return objects_by_id(CohortPage.objects.all(), ids)


def previous_mentors(old_cohort: CohortPage) -> list:
    """People whose mentor application to ``old_cohort`` was accepted (or went further)."""
    applications = (
        Application.objects.filter(
            cohort=old_cohort, role=Application.Role.MENTOR, state__in=PLACE_TAKING_STATES
        )
        .select_related("person")
        .order_by("person__full_name", "pk")
    )
    return [application.person for application in applications]


def mentor_form(new_cohort: CohortPage) -> ApplicationFormPage | None:
    """The new cohort's live mentor form (English source), if published."""
    return (
        ApplicationFormPage.objects.child_of(new_cohort)
        .live()
        .filter(role=ApplicationFormPage.Role.MENTOR)
        .order_by("path")
        .first()
    )


def form_url(form: ApplicationFormPage, language: str) -> str:
    """The form's address in ``language`` when that translation is live, else in English."""
    translated = form.get_translations().live().filter(locale__language_code=language).first()
    page = translated or form
    return f"{settings.SITE_URL}{page.get_url()}"


def invite_previous_mentors(old_cohort: CohortPage, new_cohort: CohortPage) -> int:
    """Email every previous mentor once, in their language, with the new mentor form's URL.

    Safe to repeat: the outbox key is per new cohort and person, so a second call queues
    nothing new. Mentors who withdrew their consent to news and invitations (consents app) are
    skipped. Returns the number of emails queued by this call. One transaction.
    """
    form = mentor_form(new_cohort)
    if form is None:
        raise InvitationRefused(
            _("Publish the new cohort's mentor application form before inviting mentors.")
        )
    queued = 0
    with transaction.atomic():
        mentors = list(previous_mentors(old_cohort))
        declined = withdrawn_person_ids(PROGRAMME_CONTACT, [person.pk for person in mentors])
        for person in mentors:
            if person.pk in declined:
                continue
            language = supported_language(person.preferred_language)
            translated_cohort = (
                new_cohort.get_translations(inclusive=True)
                .filter(locale__language_code=language)
                .first()
                or new_cohort
            )
            key = invitation_key(new_cohort, person)
            if OutboundEmail.objects.filter(key=key).exists():
                continue
            queue_email(
                key=key,
                to=person.email,
                language=language,
                template=TEMPLATE,
                context={
                    "name": person.full_name,
                    "cohort": translated_cohort.title,
                    "form_url": form_url(form, language),
                    "application_opens_at": new_cohort.application_opens_at,
                    "application_closes_at": new_cohort.application_closes_at,
                },
            )
            queued += 1
    return queued
