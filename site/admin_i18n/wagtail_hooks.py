"""Menu labels that Wagtail and wagtail-localize translate once, in the language of whoever
opens the admin first after a start ("Translations" in the Czech menu, "Co je nového" in the
English one): each request gets copies labelled in its own language."""

import copy

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from wagtail import hooks

# Passed to gettext as variables, so makemessages leaves them to the packages' catalogs and
# locales/<lang>/overrides/ (see locales/README.md).
TRANSLATIONS_REPORT = "Translations"
WHATS_NEW = "What's new in Wagtail %(version)s"
WHATS_NEW_PREFIX = "whats-new-in-wagtail-"


def _relabelled(item, label: str):
    item = copy.copy(item)
    item.label = label
    return item


@hooks.register("construct_reports_menu")
def label_translations_report_in_request_language(request, menu_items):
    try:
        url = reverse("wagtail_localize:translations_report")
    except NoReverseMatch:
        return
    for index, item in enumerate(menu_items):
        if getattr(item, "url", None) == url:
            menu_items[index] = _relabelled(item, gettext(TRANSLATIONS_REPORT))


@hooks.register("construct_help_menu")
def label_whats_new_in_request_language(request, menu_items):
    for index, item in enumerate(menu_items):
        name = getattr(item, "name", "") or ""
        if name.startswith(WHATS_NEW_PREFIX):
            version = name.removeprefix(WHATS_NEW_PREFIX)
            menu_items[index] = _relabelled(item, gettext(WHATS_NEW) % {"version": version})
