"""One application per person: look-alike spellings of an address are the same person.

Full-width letters, a zero-width space or a soft hyphen in the domain, or its punycode form,
still reach the same mailbox, so they must not buy a second application.
"""

from __future__ import annotations

import pytest

from applications.models import Application, Person, normalise_email
from tests.applications.conftest import accept_received, pdf_upload, valid_answers

SAME_MAILBOX = [
    "jana.novakova@ｅｘａｍｐｌｅ.cz",  # full-width letters
    "jana.novakova@exam\u200bple.cz",  # zero-width space
    "jana.novakova@exam\u00adple.cz",  # soft hyphen
    "jana.novakova@example.cz\u2060",  # word joiner
    "JANA.NOVAKOVA@EXAMPLE.CZ",
    "ｊａｎａ.novakova@example.cz",
]


@pytest.mark.parametrize("variant", SAME_MAILBOX)
def test_look_alike_addresses_normalise_to_one(variant):
    assert normalise_email(variant) == "jana.novakova@example.cz"


def test_punycode_and_unicode_domains_are_one():
    assert normalise_email("Jürgen@XN--MLLER-KVA.de") == normalise_email("jürgen@müller.de")
    assert normalise_email("ju\u0308rgen@müller.de") == "jürgen@müller.de"


@pytest.mark.django_db
@pytest.mark.parametrize("variant", SAME_MAILBOX[:4])
def test_a_look_alike_address_gets_no_second_application(
    client, mentee_form, institutions, variant
):
    data = valid_answers("mentee", institutions["uwb"])
    assert client.post(mentee_form.url, {**data, "cv": pdf_upload()}).status_code == 302
    assert accept_received() == 1
    again = {**data, "email": variant, "cv": pdf_upload()}
    assert client.post(mentee_form.url, again).status_code == 302  # answered as a new address
    assert accept_received() == 1  # the worker finds it is the same mailbox
    assert Application.objects.count() == 1
    assert list(Person.objects.values_list("email", flat=True)) == ["jana.novakova@example.cz"]
