"""Trilingual demo texts: every string is written in English, Czech and German side by side.

English is the source language of the site. The Czech and German wording is written by hand
(not machine-translated) and handed to wagtail-localize as the translation of the English
string, so editors see synced translations in the admin rather than unrelated copies.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import formats, translation

#: The languages the demo translates into (English is the source).
TARGET_LANGUAGES = ("cs", "de")
LANGUAGES = ("en", *TARGET_LANGUAGES)


@dataclass(frozen=True)
class T:
    """One text in the three languages of the site."""

    en: str
    cs: str
    de: str

    def __getitem__(self, language: str) -> str:
        return getattr(self, language)

    def format(self, **values: str | T) -> T:
        """Fill ``{name}`` placeholders per language (a plain ``str`` is the same everywhere)."""

        def fill(language: str) -> str:
            filled = {
                key: value[language] if isinstance(value, T) else value
                for key, value in values.items()
            }
            return self[language].format(**filled)

        return T(*(fill(language) for language in LANGUAGES))


def same(text: str) -> T:
    """A text that reads the same in every language (a name, an acronym)."""
    return T(text, text, text)


# Dates are written as people write them in each language: "1 February 2027",
# "1. února 2027" (genitive month, Django's "E"), "1. Februar 2027".
_DATE_FORMATS = {"en": "j F Y", "cs": "j. E Y", "de": "j. F Y"}


def date_text(day: datetime.date) -> T:
    """A date spelled out in each language, for texts that mention it."""

    def spell(language: str) -> str:
        with translation.override(language):
            return formats.date_format(day, _DATE_FORMATS[language])

    return T(*(spell(language) for language in LANGUAGES))


class Glossary:
    """English source string -> its Czech and German translation, collected from the content.

    wagtail-localize splits rich text into one segment per paragraph or list item, so texts are
    registered at that granularity and looked up by the exact English segment.
    """

    def __init__(self) -> None:
        self._entries: dict[str, T] = {}

    def add(self, text: T) -> str:
        """Remember ``text`` and return its English wording (to put into the source page)."""
        known = self._entries.get(text.en)
        if known is not None and known != text:
            raise ValueError(f"Two different translations for the English text {text.en!r}")
        self._entries[text.en] = text
        return text.en

    def lookup(self, english: str) -> T | None:
        return self._entries.get(english)

    def english_texts(self) -> set[str]:
        return set(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
