"""What one request to a form page looks up more than once, looked up once.

Showing or submitting an application form asks for the default Locale (institutions,
disciplines, the privacy notice, the source cohort, the institution and disciplines answered)
and for the form's cohort and source cohort (the window check, the eligibility check, the
confirmation) several times. Inside :func:`remembering` (the form page's ``serve`` and the
forms API open it around one request) each is read from the database once and then reused;
outside it, every call queries as it always did, so a long-lived process (a task, a shell,
a test holding a page) never sees a stale row.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

from wagtail.models import Locale

T = TypeVar("T")

_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("applications_memo", default=None)


@contextmanager
def remembering() -> Iterator[None]:
    """Remember lookups until the block ends (a nested block shares the outer memory)."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, once per :func:`remembering` block and ``key``; every time outside."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def default_locale() -> Locale:
    """The default (source) Locale, as ``Locale.get_default()`` gives it."""
    return remembered("default_locale", Locale.get_default)
