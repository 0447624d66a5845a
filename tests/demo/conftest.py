"""The demo loaded once for all tests of this package, rolled back afterwards.

A full load writes some thirty pages in three languages, so the tests share one load: the
fixture opens a transaction around the package and rolls it back at the end, and each test
(``db``) runs in a savepoint inside it, so nothing a test does leaks into the next one, into
other packages' tests or into the reused test database.
"""

import io

import pytest
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package")
def demo_output(django_db_setup, django_db_blocker) -> str:
    """Run ``manage.py demo`` once for the package; its printed output."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output, db) -> str:
    return demo_output
