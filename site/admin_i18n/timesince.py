"""Time periods in the case that "… ago" needs: "před 5 dny" / "vor 5 Tagen", not "před 5 dní".

Django's ``timesince`` says "5 days" in the nominative, which is right on its own ("5 dní",
"5 Tage") and wrong after the preposition of Czech "před" or German "vor" (instrumental and
dative). The strings below carry the context "time ago", so the catalogs can give those forms
while English keeps Django's wording.
"""

from django.utils import timesince as django_timesince_module
from django.utils.html import avoid_wrapping
from django.utils.translation import npgettext_lazy

#: Django's TIME_STRINGS, in the grammatical case used after "ago" ("před", "vor").
AGO_TIME_STRINGS = {
    "year": npgettext_lazy("time ago", "%(num)d year", "%(num)d years", "num"),
    "month": npgettext_lazy("time ago", "%(num)d month", "%(num)d months", "num"),
    "week": npgettext_lazy("time ago", "%(num)d week", "%(num)d weeks", "num"),
    "day": npgettext_lazy("time ago", "%(num)d day", "%(num)d days", "num"),
    "hour": npgettext_lazy("time ago", "%(num)d hour", "%(num)d hours", "num"),
    "minute": npgettext_lazy("time ago", "%(num)d minute", "%(num)d minutes", "num"),
}


def timesince_for_ago(d, now=None, reversed=False, time_strings=None, depth=2) -> str:
    """Django's ``timesince`` with the "time ago" forms, except for "0 minutes": Wagtail
    compares that one with its own "0 minutes" to say "just now" instead."""
    plain = django_timesince_module.timesince(d, now, reversed, time_strings, depth)
    if time_strings is not None:
        return plain
    zero = avoid_wrapping(django_timesince_module.TIME_STRINGS["minute"] % {"num": 0})
    if plain == zero:
        return plain
    return django_timesince_module.timesince(d, now, reversed, AGO_TIME_STRINGS, depth)


def use_ago_case_in_wagtail_admin() -> None:
    """Wagtail's ``timesince_simple`` and ``timesince_last_update`` only ever print the period
    inside "%(time_period)s ago": give them the "time ago" forms (idempotent)."""
    from wagtail.admin.templatetags import wagtailadmin_tags

    wagtailadmin_tags.timesince = timesince_for_ago
