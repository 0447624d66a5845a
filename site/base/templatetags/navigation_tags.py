"""Template tags for the menu, the footer and the language switcher.

The switcher links each page to its own translation, so a reader who changes language stays on
the same content; pages not translated yet fall back to that language's home page.
"""

import contextlib
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

from base.localization import translated_only
from base.models import FooterText

register = template.Library()

# A switcher shows each language in that language; Django's own "name_local" for Czech is the
# adverb "česky", so the noun is given here.
LANGUAGE_NAMES = {"cs": "Čeština", "de": "Deutsch", "en": "English"}


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher.

    ``name`` is the language's own name (a Czech reader looks for "Čeština", not "Czech");
    ``is_translation`` says whether ``url`` is this page's own translation (only those are
    announced as ``<link rel="alternate" hreflang>``), not the fallback home page.
    """

    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    is_translation: bool


def _home_for_locale(site: Site | None, locale: Locale) -> Page | None:
    if site is None:
        return None
    return site.root_page.get_translation_or_none(locale)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """One link per configured language, pointing at this page's translation where it exists."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    site = Site.find_for_request(request) if request else None
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    links = []
    for code, _name in settings.LANGUAGES:
        url = None
        is_translation = False
        locale = locales.get(code)
        if isinstance(page, Page) and locale is not None:
            translation = page.get_translation_or_none(locale)
            is_translation = translation is not None and translation.live
            if not is_translation:
                translation = _home_for_locale(site, locale)
            if translation is not None:
                url = translation.get_url(request=request)
        if url is None and request is not None:
            url = translate_url(request.get_full_path(), code)
            is_translation = True
        url = url or f"/{code}/"
        links.append(
            LanguageLink(
                code=code,
                name=LANGUAGE_NAMES.get(code) or get_language_info(code)["name_local"],
                url=url,
                absolute_url=request.build_absolute_uri(url) if request is not None else url,
                is_current=code == current,
                is_translation=is_translation,
            )
        )
    return links


@register.simple_tag(takes_context=True)
def menu_pages(context) -> list[Page]:
    """The home page's children marked "show in menus", in the current language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return []
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return []
    home = site.root_page.get_translation_or_none(locale) or site.root_page
    # Untranslated pages (aliases showing the source text) are not offered in the menu.
    return list(
        translated_only(home.get_children().live().in_menu()).specific().defer_streamfields()
    )


@register.simple_tag(takes_context=True)
def home_page(context) -> Page | None:
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    try:
        return site.root_page.get_translation_or_none(Locale.get_active()) or site.root_page
    except Locale.DoesNotExist:
        return site.root_page


@register.inclusion_tag("base/includes/footer_text.html", takes_context=True)
def footer_text(context) -> dict:
    """The published footer text in the current language (falling back to the default one)."""
    footer = None
    with contextlib.suppress(Locale.DoesNotExist):
        footer = FooterText.objects.filter(live=True, locale=Locale.get_active()).first()
    if footer is None:
        footer = FooterText.objects.filter(live=True, locale=Locale.get_default()).first()
    return {"footer_text": footer, "request": context.get("request")}


@register.filter
def is_section_of(menu_page: Page, page: Page | None) -> bool:
    """Whether ``page`` is ``menu_page`` or lies below it (marks the current menu entry)."""
    if not isinstance(page, Page):
        return False
    return page.path.startswith(menu_page.path)
