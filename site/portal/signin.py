"""Passwordless sign-in: issue a single-use link by email, rate-limited, and consume it.

Why it looks the way it does:

* The link's token is random (256 bits) and only its SHA-256 is stored: the database alone
  cannot sign anyone in.
* Asking for a link gives the same answer, and does the same work, whether or not the address
  belongs to an applicant (no account enumeration): an unknown address still counts against
  the rate limit, still gets a token generated and hashed and an email rendered (just not
  stored). A configurable floor on the time spent (``PORTAL_SIGN_IN_MIN_SECONDS``) hides what
  difference remains, such as the rows written for a real link.
* The rate limit counts rows in the database, so it holds across worker processes.
* The link is consumed by a POST from a confirmation page: mail scanners that GET every link
  do not burn it. Consuming is a compare-and-set ``UPDATE``, so two tabs cannot both use it.
* A first-time applicant may ask for a link seconds after sending the form, before the worker
  has accepted the submission and so before they are a :class:`Person`. An address with no
  person but with waiting submissions has those accepted first, by the worker's own
  :func:`~applications.acceptance.accept_received`, and then gets its link like any known
  address (:func:`accept_waiting_for`). The answer stays the same either way. The extra work
  is done only for an address that has just sent a form, and the time floor hides it only
  while an acceptance takes less than the floor (the answer's text is what must not differ).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from applications.acceptance import accept_received
from applications.models import Person, normalise_email
from portal.models import TOKEN_LIFETIME, SignInRequest, SignInToken
from portal.waiting import received_from

logger = logging.getLogger(__name__)

#: Email template (under notifications/email/) of the sign-in link.
EMAIL_TEMPLATE = "portal_sign_in"

#: Requests per window. Counted per requester IP (``per_ip``: too many and the requester is
#: told to wait), per address from one IP (``per_address_from_ip``) and per address overall
#: (``per_address``, against flooding a mailbox from many networks). An address over its limit
#: gets the same answer as any other and simply no further email: a stranger asking for
#: someone's address cannot lock that person out (their own requests come from another IP,
#: and the short window ends soon), nor learn anything from the answer.
DEFAULT_LIMITS = {
    "per_address": 10,
    "per_address_from_ip": 3,
    "per_ip": 20,
    "window_minutes": 10,
}


@dataclass(frozen=True)
class LinkRequestResult:
    """What the view tells the person: the same for known and unknown addresses."""

    allowed: bool
    reason: str = ""


def limits() -> dict[str, int]:
    return {**DEFAULT_LIMITS, **getattr(settings, "PORTAL_SIGN_IN_LIMITS", {})}


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def hash_email(email: str) -> str:
    """A keyed hash of the normalised address: countable, but not a readable address list."""
    return hmac.new(
        settings.SECRET_KEY.encode(), normalise_email(email).encode(), hashlib.sha256
    ).hexdigest()


def ip_over_limit(ip: str | None) -> bool:
    """Has this requester asked for too many links (whatever the addresses) lately?"""
    config = limits()
    since = timezone.now() - timedelta(minutes=config["window_minutes"])
    return bool(ip) and (
        SignInRequest.objects.filter(created_at__gt=since, ip_address=ip).count()
        >= config["per_ip"]
    )


def address_over_limit(email_hash: str, ip: str | None) -> bool:
    """Have enough links gone to this address lately (from this IP, or from anywhere)?"""
    config = limits()
    since = timezone.now() - timedelta(minutes=config["window_minutes"])
    recent = SignInRequest.objects.filter(created_at__gt=since, email_hash=email_hash)
    if ip and recent.filter(ip_address=ip).count() >= config["per_address_from_ip"]:
        return True
    return recent.count() >= config["per_address"]


def ip_limit_reason() -> str:
    return _(
        "Too many sign-in links were requested from your network. "
        "Please wait a while and try again."
    )


def request_sign_in_link(
    *, email: str, ip: str | None, link_for: Callable[[str, str], str]
) -> LinkRequestResult:
    """Record the request, and email a sign-in link if ``email`` belongs to an applicant.

    ``link_for(token, language)`` builds the absolute URL of the confirmation page in that
    language. The email is queued in this transaction (it commits or rolls back with it) in the
    person's preferred language.
    """
    started = time.monotonic()
    email_hash = hash_email(email)
    with transaction.atomic():
        if ip_over_limit(ip):
            _wait_for_floor(started)
            return LinkRequestResult(False, ip_limit_reason())
        token = secrets.token_urlsafe(32)
        token_hash = hash_token(token)
        if address_over_limit(email_hash, ip):
            # Counted against the requester's IP only (blank address), answered like any
            # other request, and no email: the address's own window is not prolonged.
            SignInRequest.objects.create(email_hash="", ip_address=ip)
            _render_decoy(token, link_for)
        else:
            SignInRequest.objects.create(email_hash=email_hash, ip_address=ip)
            address = normalise_email(email)
            person = Person.objects.filter(email=address).first()
            if person is None and accept_waiting_for(address):
                person = Person.objects.filter(email=address).first()
            if person is not None:
                _issue_link(person, token, token_hash, ip, link_for)
            else:
                _render_decoy(token, link_for)
    _wait_for_floor(started)
    return LinkRequestResult(True)


def accept_waiting_for(address: str) -> bool:
    """Accept the waiting submissions sent from ``address`` (normalised) now, oldest first,
    rather than leave their sender without a link until the worker gets to them; whether all
    of them were accepted (or found duplicate).

    Only rows whose answers' email normalises to ``address`` are touched
    (:func:`portal.waiting.received_from`); someone else's submissions wait for the worker.
    Each acceptance runs in its own savepoint, so one that fails rolls back alone and leaves
    this request's transaction usable: the failure is logged, its row stays for the worker
    and the schedule to retry, and the address is treated as unknown (no link; the answer is
    the same).
    """
    pks = received_from(address)
    for pk in pks:
        try:
            with transaction.atomic():
                accept_received(pk)
        except Exception:  # noqa: BLE001 - logged; the worker will try again
            logger.exception("Received submission %s could not be accepted for a sign-in", pk)
            return False
    return bool(pks)


def _issue_link(
    person: Person,
    token: str,
    token_hash: str,
    ip: str | None,
    link_for: Callable[[str, str], str],
) -> None:
    from workflows.notifications.services import queue_email, supported_language

    language = supported_language(person.preferred_language)
    row = SignInToken.objects.create(person=person, token_hash=token_hash, requested_ip=ip)
    queue_email(
        key=f"portal-sign-in:{row.pk}",
        to=person.email,
        language=language,
        template=EMAIL_TEMPLATE,
        context={
            "person": person,
            "link": link_for(token, language),
            "minutes": int(TOKEN_LIFETIME.total_seconds() // 60),
        },
    )


def _render_decoy(token: str, link_for: Callable[[str, str], str]) -> None:
    """Do the rendering work of a real link for an unknown address, and store nothing."""
    from workflows.notifications.services import render_email

    language = translation.get_language() or settings.LANGUAGE_CODE
    render_email(
        EMAIL_TEMPLATE,
        language,
        {
            "person": None,
            "link": link_for(token, language),
            "minutes": int(TOKEN_LIFETIME.total_seconds() // 60),
        },
    )


def _wait_for_floor(started: float) -> None:
    floor = float(getattr(settings, "PORTAL_SIGN_IN_MIN_SECONDS", 0.4))
    remaining = floor - (time.monotonic() - started)
    if remaining > 0:
        time.sleep(remaining)


def find_usable_token(token: str) -> SignInToken | None:
    """The unused, unexpired token row for ``token`` (read only: a GET must not consume it)."""
    return SignInToken.objects.usable().filter(token_hash=hash_token(token)).first()


def consume_sign_in_token(token: str, ip: str | None = None) -> Person | None:
    """Use the token once: compare-and-set ``used_at``; returns the person, or None.

    Using one link also retires the person's other outstanding links: whoever holds the
    mailbox is signed in now, and older links lying around in it only add risk.
    """
    now = timezone.now()
    token_hash = hash_token(token)
    with transaction.atomic():
        updated = (
            SignInToken.objects.usable()
            .filter(token_hash=token_hash)
            .update(used_at=now, used_ip=ip)
        )
        if updated != 1:
            return None
        row = SignInToken.objects.select_related("person").get(token_hash=token_hash)
        SignInToken.objects.usable().filter(person=row.person).update(used_at=now)
    return row.person
