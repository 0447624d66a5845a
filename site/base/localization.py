"""Helpers for showing CMS content in a given language outside a request (emails, PDFs)."""

from __future__ import annotations

from wagtail.models import Locale, Page


def localized_title(page: Page, language: str) -> str:
    """The title of ``page``'s translation into ``language``, or its own title if untranslated.

    Emails and PDFs go out in the recipient's language, whatever language the request (or the
    task) runs in, so this looks the translation up explicitly.
    """
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return page.title
    translated = page.get_translation_or_none(locale)
    return translated.title if translated else page.title


def translated_only(pages):
    """Pages written in their own language. wagtail-localize keeps each language's tree in step
    by creating aliases of untranslated pages (still showing the source text); listings, menus
    and feeds leave those out, so a Czech reader is not offered English headlines as news."""
    return pages.filter(alias_of__isnull=True)
