"""The applicant portal's dashboard for a signed-in applicant of the demo."""

from __future__ import annotations

from django.db.models import Count

from applications.models import Person
from bench.measure import Row, measure
from bench.options import Options, client, get_ok
from portal.session import SESSION_KEY

NEEDS_DB = True


def rows(options: Options) -> list[Row]:
    from django.urls import reverse
    from django.utils import translation

    # The applicant with the most applications: the busiest dashboard the demo has.
    person = (
        Person.objects.annotate(count=Count("applications"))
        .filter(count__gt=0)
        .order_by("-count", "pk")
        .first()
    )
    if person is None:
        raise RuntimeError("the demo has no applicants")
    browser = client()
    session = browser.session
    session[SESSION_KEY] = person.pk  # as after following a sign-in link
    session.save()
    with translation.override(person.preferred_language or "en"):
        url = reverse("portal:dashboard")
    return [
        measure(
            "portal.dashboard",
            lambda: get_ok(browser, url),
            repeat=options.repeat,
            limit_scale=options.limit_scale,
        )
    ]
