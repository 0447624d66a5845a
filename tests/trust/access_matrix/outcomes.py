"""What a response means for access control, in a handful of named outcomes."""

from __future__ import annotations

from django.http import HttpResponse

OK = "ok"  # 2xx: the page, file or data
REDIRECT = "redirect"  # 3xx elsewhere than a sign-in page (e.g. back after an action)
ADMIN_LOGIN = "admin login"  # 302 to /admin/login/
PORTAL_LOGIN = "portal sign-in"  # 302 to /<lang>/portal/sign-in/
DENIED = "denied"  # 403, or Wagtail's "no permission" (302 to the admin home)
UNAUTHORIZED = "401"  # the API without credentials
NOT_FOUND = "404"
NOT_ALLOWED = "405"  # method not allowed
BAD = "400"
UNPROCESSABLE = "422"
CONFLICT = "409"
GONE = "410"
EXCEPTION = "exception"  # the view raised: a 500 in production

#: A refusal of any kind: what every state-changing request by someone refused must get.
REFUSALS = frozenset({ADMIN_LOGIN, PORTAL_LOGIN, DENIED, UNAUTHORIZED, NOT_FOUND, NOT_ALLOWED})


def classify(response: HttpResponse) -> str:
    """The outcome of ``response`` (a status code as text when it is none of the above)."""
    status = response.status_code
    if 200 <= status < 300:
        return OK
    if status in (301, 302, 303, 307, 308):
        location = response["Location"].split("?", 1)[0]
        if location.endswith("/admin/login/"):
            return ADMIN_LOGIN
        if "/portal/sign-in/" in location:
            return PORTAL_LOGIN
        if location in ("/admin/", "http://testserver/admin/"):
            return DENIED
        return REDIRECT
    return {
        400: BAD,
        401: UNAUTHORIZED,
        403: DENIED,
        404: NOT_FOUND,
        405: NOT_ALLOWED,
        409: CONFLICT,
        410: GONE,
        422: UNPROCESSABLE,
    }.get(status, str(status))
