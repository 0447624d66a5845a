"""Refuse malformed request input at the door, before any view or database sees it.

Libraries below our views (Wagtail's API v3 pagination, its database search backend, ORM
lookups on SQLite) turn some input into server errors: a NUL byte in a search, an offset of
2**70, a path id wider than any database integer. None of it is a real request, so it gets a
400 (or a 404 for an id that cannot exist) here, in the API's problem+json shape under
``/api/``, and nothing is logged as a server error.
"""

from __future__ import annotations

import json
import re

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

#: Larger than any primary key or offset we will ever have (PostgreSQL's int8 is 2**63 - 1).
MAX_INTEGER = 2**63 - 1
#: Query parameters that pagination code converts to integers.
INTEGER_PARAMETERS = ("offset", "limit", "page")
_DIGITS = re.compile(r"^\d+$")


def _problem(request: HttpRequest, status: int, detail: str) -> HttpResponse:
    if request.path.startswith("/api/"):
        title = {400: "Bad Request", 404: "Not Found"}[status]
        body = {"type": "about:blank", "title": title, "status": status, "detail": detail}
        return HttpResponse(
            json.dumps(body), status=status, content_type="application/problem+json"
        )
    return HttpResponse(detail, status=status, content_type="text/plain; charset=utf-8")


def refusal(request: HttpRequest) -> HttpResponse | None:
    """The 4xx answer for malformed input in ``request``, or None when it looks sane."""
    for segment in request.path.split("/"):
        if _DIGITS.match(segment) and int(segment) > MAX_INTEGER:
            return _problem(request, 404, _("Not found."))
    for key, values in request.GET.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return _problem(request, 400, _("The request contains a NUL character."))
        if key in INTEGER_PARAMETERS:
            for value in values:
                if not _DIGITS.match(value.strip()) or int(value) > MAX_INTEGER:
                    return _problem(
                        request,
                        400,
                        _("%(name)s must be a whole number from 0 to %(max)s.")
                        % {"name": key, "max": MAX_INTEGER},
                    )
    return None


class HostileInputMiddleware:
    """Answer malformed paths and query strings with a 4xx before they reach a view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return refusal(request) or self.get_response(request)
