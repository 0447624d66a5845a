"""Privacy services the views call: each one transaction (export and erase live in
:mod:`~workflows.privacy.export` and :mod:`~workflows.privacy.erasure`)."""

from __future__ import annotations

from django.db import transaction

from applications.models import Person
from workflows.privacy.models import ErasureRequest


def request_erasure(person: Person) -> tuple[ErasureRequest, bool]:
    """The person asks to be erased: one open request at a time; (request, created)."""
    with transaction.atomic():
        existing = ErasureRequest.objects.filter(
            person_id_ref=person.pk, state=ErasureRequest.State.OPEN
        ).first()
        if existing is not None:
            return existing, False
        return ErasureRequest.objects.create(person_id_ref=person.pk), True


def open_request_of(person: Person) -> ErasureRequest | None:
    return ErasureRequest.objects.filter(
        person_id_ref=person.pk, state=ErasureRequest.State.OPEN
    ).first()
