"""Compile the gettext catalogs under locales/ to .mo files with polib, overrides merged in.

Django's ``compilemessages`` needs GNU gettext's msgfmt, which a fresh machine may not have;
polib (a wagtail-localize dependency) writes the same .mo files in pure Python.

Each language has two kinds of catalog (see locales/README.md):

* ``<lang>/LC_MESSAGES/<domain>.po``: our own strings, kept up to date by ``bin/makemessages``;
* ``<lang>/overrides/<domain>.po``: corrections of Django's, Wagtail's and wagtail-localize's
  strings, written by hand. makemessages never sees them (they are not in our source), so they
  cannot be dropped as obsolete; this command merges them into the compiled catalog, where
  they win over our own entry of the same message, and Django's LOCALE_PATHS coming first makes
  the compiled catalog win over the packages' ones.

Use this command rather than ``compilemessages``, which would compile the overrides apart, where
Django never looks.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

OVERRIDES_DIR = "overrides"


def catalog_sources(locale_dir: Path) -> dict[Path, list[Path]]:
    """Each .mo file to write under ``locale_dir``, with the .po files it is made of (our
    catalog first, then the overrides that win over it)."""
    targets: dict[Path, list[Path]] = {}
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
        targets.setdefault(po_path.with_suffix(".mo"), []).append(po_path)
    for po_path in sorted(locale_dir.glob(f"*/{OVERRIDES_DIR}/*.po")):
        mo_path = po_path.parent.parent / "LC_MESSAGES" / po_path.with_suffix(".mo").name
        targets.setdefault(mo_path, []).append(po_path)
    return targets


def merged_catalog(sources: list[Path]) -> polib.POFile:
    """One catalog of the sources' translated entries; a later source's entry replaces an
    earlier one with the same context and msgid. The first source's header is kept (its
    Plural-Forms must match the overrides', which the catalog tests check)."""
    first = polib.pofile(str(sources[0]))
    merged = polib.POFile()
    merged.metadata = dict(first.metadata)
    entries: dict[tuple[str | None, str], polib.POEntry] = {}
    for source in sources:
        catalog = first if source == sources[0] else polib.pofile(str(source))
        for entry in catalog.translated_entries():
            entries[(entry.msgctxt, entry.msgid)] = entry
    for entry in entries.values():
        merged.append(entry)
    return merged


class Command(BaseCommand):
    help = "Compile locales/*/LC_MESSAGES/*.po (with locales/*/overrides/*.po) to .mo files."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Recompile every catalog.")

    def handle(self, *args, force: bool = False, **options):
        compiled = 0
        for locale_dir in settings.LOCALE_PATHS:
            for mo_path, sources in catalog_sources(Path(locale_dir)).items():
                newest_source = max(source.stat().st_mtime for source in sources)
                if not force and mo_path.exists() and mo_path.stat().st_mtime >= newest_source:
                    continue
                mo_path.parent.mkdir(parents=True, exist_ok=True)
                merged_catalog(sources).save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalog(s).")
