"""Agreement PDFs: a :class:`Document` rendered by WeasyPrint, deterministically and offline.

Why each choice:

* **Nothing is fetched** but the project's own assets (fonts, logos, stylesheet) under
  ``static/agreements/``: :class:`AssetFetcher` answers ``file:`` URLs inside that folder from
  memory and refuses every other URL (``http(s):``, ``ftp:``, ``data:``, other files), so
  hostile text in a mentee's goals can never make the renderer read ``/etc/passwd`` or call
  the network. User text is escaped by the template (Django autoescape) on top of that.
* **Identical bytes for identical input**: the fonts are bundled TTFs subset by
  libharfbuzz-subset (deterministic), the PDF creation date comes from the issue date
  (``dcterms.created``), PDF/A's ``/ID`` is a digest of the content, attachments carry fixed
  dates, and ``SOURCE_DATE_EPOCH`` pins fontTools' timestamp when harfbuzz-subset is missing.
* **PDF/A-3b** (``pdf/a-3b``): archival, and allows the signing events as an attached JSON file.
"""

from __future__ import annotations

import json
import mimetypes
import os
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.template.loader import render_to_string

ASSET_DIR = (Path(__file__).resolve().parent / "static" / "agreements").resolve()
TEMPLATE = "agreements/pdf/agreement.html"
PDF_VARIANT = "pdf/a-3b"


class AssetFetcher:
    """A WeasyPrint URL fetcher that serves only files inside :data:`ASSET_DIR`.

    Every URL asked for is appended to :attr:`asked` (tests read it to prove nothing else was
    requested). Assets are read once per process and served from memory.
    """

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, url: str, headers=None):
        return self.fetch(url, headers)

    def fetch(self, url: str, headers=None):
        from weasyprint.urls import URLFetcherResponse

        self.asked.append(url)
        path = asset_path(url)
        if path is None:
            raise ValueError(f"blocked: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if path.suffix == ".ttf":
            content_type = "font/ttf"
        return URLFetcherResponse(
            path.as_uri(), _asset_bytes(path), headers={"Content-Type": content_type}
        )


def asset_path(url: str) -> Path | None:
    """The asset a ``file:`` URL names, or None when it is anything else (or outside)."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return None
    path = Path(unquote(parts.path)).resolve()
    if ASSET_DIR not in path.parents or not path.is_file():
        return None
    return path


@cache
def _asset_bytes(path: Path) -> bytes:
    return path.read_bytes()


@dataclass(frozen=True)
class Party:
    role: str
    name: str
    institution: str
    email: str
    language: str


@dataclass(frozen=True)
class Clause:
    heading: str
    body: str

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in self.body.replace("\r\n", "\n").split("\n\n") if p.strip()]


@dataclass(frozen=True)
class LanguageText:
    """The agreement in one language: its clauses and every label the PDF prints."""

    language: str
    title: str
    clauses: tuple[Clause, ...]
    labels: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class SigningLine:
    """One signing event as printed on the certificate of completion."""

    role_key: str  # "mentee", "mentor", "coordinator" (an identifier)
    role: tuple[str, ...]  # its label in each of the document's languages, in order
    name: str
    signed_at: str  # UTC, ISO 8601
    ip: str
    method_key: str  # how the person signed in (an identifier)
    method: tuple[str, ...]  # its label in each of the document's languages
    pdf_sha256: str


@dataclass(frozen=True)
class Document:
    reference: str
    issued_at: datetime
    texts: tuple[LanguageText, ...]
    mentee: Party
    mentor: Party
    verify_url: str = ""
    qr_svg: str = ""
    issued_sha256: str = ""
    events: tuple[SigningLine, ...] = ()

    @property
    def languages(self) -> list[str]:
        return [text.language for text in self.texts]

    @property
    def rows(self) -> list[list[tuple[str, Clause]]]:
        """Clause i in every language, side by side, each with its language code."""
        return [
            list(zip(self.languages, clauses, strict=True))
            for clauses in zip(*(t.clauses for t in self.texts), strict=True)
        ]


#: Bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, LRM, RLM, ALM): in
#: user text they would reorder what a signer reads, so they are printed as their code point.
BIDI_CONTROLS = {
    code: f"[U+{code:04X}]"
    for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)
}


def visible_controls(text: str) -> str:
    """``text`` with every bidirectional control character shown as text, e.g. ``[U+202E]``."""
    return text.translate(BIDI_CONTROLS)


def html_for(document: Document) -> str:
    """The HTML WeasyPrint renders (exposed so the bench can time WeasyPrint alone).

    Our templates contain no bidi controls, so replacing them in the whole HTML only ever
    touches user text.
    """
    return visible_controls(
        render_to_string(
            TEMPLATE,
            {
                "document": document,
                "asset_base": ASSET_DIR.as_uri() + "/",
                "created": document.issued_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "two_columns": len(document.texts) > 1,
            },
        )
    )


def attachments_for(document: Document) -> list:
    """The signing events as ``signing-events.json`` (fixed dates keep the bytes identical)."""
    if not document.events:
        return []
    from weasyprint import Attachment

    payload = json.dumps(
        {
            "reference": document.reference,
            "issued_pdf_sha256": document.issued_sha256,
            "events": [
                {
                    "role": line.role_key,
                    "name": line.name,
                    "signed_at": line.signed_at,
                    "ip": line.ip,
                    "method": line.method_key,
                    "pdf_sha256": line.pdf_sha256,
                }
                for line in document.events
            ],
        },
        ensure_ascii=False,
        indent=2,
        sort_keys=True,
    )
    return [
        Attachment(
            string=payload,
            name="signing-events.json",
            description="careerSTEPS signing events",
            relationship="Data",
            created=document.issued_at,
            modified=document.issued_at,
            url_fetcher=AssetFetcher(),
        )
    ]


def write_pdf(html: str, *, fetcher: AssetFetcher | None = None, attachments=()) -> bytes:
    """WeasyPrint on our HTML with only our assets reachable; PDF/A-3b."""
    from weasyprint import HTML

    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    fetcher = fetcher or AssetFetcher()
    return HTML(string=html, base_url=ASSET_DIR.as_uri() + "/", url_fetcher=fetcher).write_pdf(
        pdf_variant=PDF_VARIANT,
        attachments=list(attachments),
        uncompressed_pdf=False,
    )


def render(document: Document, *, fetcher: AssetFetcher | None = None) -> bytes:
    """The PDF of ``document``: same input, same bytes."""
    return write_pdf(html_for(document), fetcher=fetcher, attachments=attachments_for(document))


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` (segno; no image file, nothing to fetch)."""
    import segno

    return segno.make(url, error="m", micro=False).svg_inline(scale=2, border=0, omitsize=False)
