"""Two tabs (or a scanner and a person) POST the same sign-in link at once: one signs in.

Needs PostgreSQL (real concurrent transactions); SQLite serialises writers anyway.
"""

from __future__ import annotations

import threading

import pytest
from django.conf import settings

from portal.models import SignInToken
from portal.signin import consume_sign_in_token, hash_token
from tests.factories import PersonFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="needs PostgreSQL (DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_link_used_twice_at_once_signs_in_once():
    person = PersonFactory()
    SignInToken.objects.create(person=person, token_hash=hash_token("race-token"))
    barrier = threading.Barrier(2)
    results: list[object] = []

    def use_link():
        from django.db import connection as thread_connection

        try:
            barrier.wait(timeout=30)
            results.append(consume_sign_in_token("race-token", ip="192.0.2.1"))
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=use_link) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(result is not None for result in results) == [False, True]
    assert SignInToken.objects.get().used_at is not None
