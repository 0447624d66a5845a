"""Idempotent English pages: find by slug under the parent, create or update, then translate.

Runs in three passes so pages may link to each other whatever their order: (1) make sure every
page exists, (2) set its content and publish a revision only if something differs, (3) create
or update its Czech and German translations.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import Locale, Page

from home.models import HomePage

from .blocks import Block
from .context import LoadContext
from .localize import translate
from .snippets import RichText
from .text import Glossary, T


@dataclass(frozen=True)
class PageSpec:
    """One demo page.

    ``parent`` is the key of the parent page ("" for the home page); a page's own key is its
    English slug path below the home page, e.g. "news/mentoring-forum-2024".
    """

    model: type[Page]
    parent: str
    slug: T
    title: T
    #: Translatable fields: plain texts, or ``snippets.RichText`` for a RichTextField.
    texts: dict[str, T | RichText] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)  # shared fields (dates, choices, M2M)
    body: tuple[Block, ...] = ()
    show_in_menus: bool = False
    #: The home page itself: it exists already (created by a migration), the demo fills it in.
    root: bool = False

    @property
    def key(self) -> str:
        return "" if self.root else f"{self.parent}/{self.slug.en}".strip("/")


def english_home() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="en")


def find_page(key: str) -> Page:
    """The English page with demo key ``key`` ("" is the home page)."""
    page: Page = english_home()
    for slug in filter(None, key.split("/")):
        page = page.get_children().get(slug=slug)
    return page.specific


def page_or_none(key: str) -> Page | None:
    try:
        return find_page(key)
    except Page.DoesNotExist:
        return None


def sync_pages(specs: list[PageSpec], context: LoadContext) -> dict[str, Page]:
    """Create or update ``specs`` (parents before children) and their translations."""
    pages = {spec.key: _ensure_exists(spec, context) for spec in specs}
    glossaries = {}
    for spec in specs:
        glossaries[spec.key] = _sync_content(pages[spec.key], spec, context)
    for spec in specs:
        result = translate(pages[spec.key], glossaries[spec.key])
        if result.changed:
            context.record("page", "translated", f"{spec.key or '(home)'} {result.reasons}")
    return pages


def _ensure_exists(spec: PageSpec, context: LoadContext) -> Page:
    existing = page_or_none(spec.key)
    if existing is not None:
        return existing
    page = spec.model(
        title=spec.title.en,
        slug=spec.slug.en,
        live=False,
        locale=Locale.objects.get(language_code="en"),
        **{name: value for name, value in spec.fields.items() if not _is_m2m(spec.model, name)},
        **{name: value.en for name, value in spec.texts.items() if isinstance(value, T)},
    )
    find_page(spec.parent).add_child(instance=page)
    context.record("page", "created", spec.key)
    return page


def _sync_content(page: Page, spec: PageSpec, context: LoadContext) -> Glossary:
    """Make the page match ``spec``; publish a new revision only when something differs."""
    # Fresh from the database: an instance loaded before its children were added carries a
    # stale tree position (numchild) that saving would write back.
    page = Page.objects.get(pk=page.pk).specific
    glossary = Glossary()
    wanted: dict[str, Any] = {
        "title": glossary.add(spec.title),
        "slug": glossary.add(spec.slug),
        "show_in_menus": spec.show_in_menus,
    }
    wanted.update(
        {
            name: value.english(glossary) if isinstance(value, RichText) else glossary.add(value)
            for name, value in spec.texts.items()
        }
    )
    wanted.update(spec.fields)
    if hasattr(page, "body"):
        wanted["body"] = [block.render(glossary, find_page) for block in spec.body]

    changed = [name for name, value in wanted.items() if not _same(page, name, value)]
    if changed or not page.live or page.latest_revision_id is None:
        for name in changed:
            _assign(page, name, wanted[name])
        page.save_revision(clean=True).publish()
        context.record("page", "published", spec.key)
    return glossary


def _is_m2m(model: type[models.Model], name: str) -> bool:
    return isinstance(model._meta.get_field(name), ParentalManyToManyField | models.ManyToManyField)


def _same(page: Page, name: str, wanted: Any) -> bool:
    if name == "body":
        return _normalise_stream(page, page.body.raw_data) == _normalise_stream(page, wanted)
    if _is_m2m(type(page), name):
        return {obj.pk for obj in getattr(page, name).all()} == {obj.pk for obj in wanted}
    return getattr(page, name) == wanted


def _assign(page: Page, name: str, wanted: Any) -> None:
    if name == "body":
        page.body = page._meta.get_field("body").stream_block.to_python(wanted)
    elif _is_m2m(type(page), name):
        getattr(page, name).set(wanted)
    else:
        setattr(page, name, wanted)


def _normalise_stream(page: Page, raw: Any) -> Any:
    """Raw stream data without block ids, in the canonical form the block would store."""
    block = page._meta.get_field("body").stream_block
    prepared = block.get_prep_value(block.to_python(list(raw)))
    return _strip_ids(json.loads(json.dumps(prepared, default=str)))


def _strip_ids(value: Any) -> Any:
    if isinstance(value, list):
        return [_strip_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _strip_ids(item) for key, item in value.items() if key != "id"}
    return value
