"""Small builders for the shared StreamField (base.blocks.BaseStreamBlock) in three languages.

Content modules describe a page body as a list of these blocks; rendering one gives the
English raw block value for the source page and records every text in the page's Glossary,
at the granularity wagtail-localize segments it (one paragraph or list item per segment).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from wagtail.models import Page

from .text import Glossary, T

#: Finds an English page by its demo key (its slug path below the English home page).
PageResolver = Callable[[str], Page]


class Block(Protocol):
    def render(self, glossary: Glossary, resolve: PageResolver) -> dict[str, Any]:
        """The English raw block ({"type": ..., "value": ...}), texts added to ``glossary``."""


def _list_items(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """ListBlock items in Wagtail's current format, each with its own id.

    Without ids (the legacy plain-list format) wagtail-localize cannot address the items, so
    it would leave every question or person untranslated.
    """
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def _html_paragraphs(texts: tuple[T, ...], glossary: Glossary) -> str:
    return "".join(f"<p>{glossary.add(text)}</p>" for text in texts)


@dataclass(frozen=True)
class Heading:
    text: T
    size: str = "h2"

    def render(self, glossary: Glossary, resolve: PageResolver) -> dict[str, Any]:
        return {
            "type": "heading",
            "value": {"heading_text": glossary.add(self.text), "size": self.size},
        }


@dataclass(frozen=True)
class Paragraphs:
    """Rich text: paragraphs (inline <b>/<i> allowed), optionally followed by a bullet list."""

    texts: tuple[T, ...]
    bullets: tuple[T, ...] = ()

    def render(self, glossary: Glossary, resolve: PageResolver) -> dict[str, Any]:
        html = _html_paragraphs(self.texts, glossary)
        if self.bullets:
            items = "".join(f"<li>{glossary.add(item)}</li>" for item in self.bullets)
            html += f"<ul>{items}</ul>"
        return {"type": "paragraph", "value": html}


def text(*texts: T, bullets: tuple[T, ...] = ()) -> Paragraphs:
    return Paragraphs(texts, bullets)


@dataclass(frozen=True)
class Quote:
    text: T
    name: T
    role: T

    def render(self, glossary: Glossary, resolve: PageResolver) -> dict[str, Any]:
        return {
            "type": "quote",
            "value": {
                "text": glossary.add(self.text),
                "attribute_name": glossary.add(self.name),
                "attribute_role": glossary.add(self.role),
            },
        }


@dataclass(frozen=True)
class CallToAction:
    """A link to a demo page (by key, followed to its translation) or to an address."""

    title: T
    text: T
    button: T
    page: str = ""
    url: str = ""

    def render(self, glossary: Glossary, resolve: PageResolver) -> dict[str, Any]:
        return {
            "type": "call_to_action",
            "value": {
                "title": glossary.add(self.title),
                "text": glossary.add(self.text),
                "button_label": glossary.add(self.button),
                "page": resolve(self.page).pk if self.page else None,
                "url": self.url,
            },
        }


@dataclass(frozen=True)
class FAQ:
    title: T
    items: tuple[tuple[T, T], ...]  # (question, answer: one paragraph)

    def render(self, glossary: Glossary, resolve: PageResolver) -> dict[str, Any]:
        return {
            "type": "faq",
            "value": {
                "title": glossary.add(self.title),
                "items": _list_items(
                    [
                        {
                            "question": glossary.add(question),
                            "answer": _html_paragraphs((answer,), glossary),
                        }
                        for question, answer in self.items
                    ]
                ),
            },
        }


@dataclass(frozen=True)
class Person:
    name: T
    role: T
    institution: T
    bio: T


@dataclass(frozen=True)
class People:
    title: T
    people: tuple[Person, ...]

    def render(self, glossary: Glossary, resolve: PageResolver) -> dict[str, Any]:
        return {
            "type": "people",
            "value": {
                "title": glossary.add(self.title),
                "people": _list_items(
                    [
                        {
                            "name": glossary.add(person.name),
                            "role": glossary.add(person.role),
                            "institution": glossary.add(person.institution),
                            "photo": None,
                            "bio": glossary.add(person.bio),
                        }
                        for person in self.people
                    ]
                ),
            },
        }
