"""A WeasyPrint render of a two-page bilingual (Czech/German) A4 document, the shape of a
mentoring agreement, and whether two renders give identical bytes.

Identical bytes matter once agreements are signed (the hash of what was shown is what is
signed). WeasyPrint subsets fonts with libharfbuzz-subset when it finds it (fast and
deterministic); without it falls back to fontTools, which is slower and stamps the time into
the font. The row notes say which one ran.

Nothing is fetched: the fetcher allows only ``data:`` URLs (WeasyPrint's default fetcher
would read ``file:`` and ``http(s):`` URLs named by the document, see stack notes §4).
"""

from __future__ import annotations

import hashlib

from django.template.loader import render_to_string

from bench.measure import Row, measure
from bench.options import Options

NEEDS_DB = False

TEMPLATE = "bench/agreement.html"


def data_only_fetcher():
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=("data",), allow_redirects=False)


def harfbuzz_subset_in_use() -> bool:
    """The same test WeasyPrint's font code makes before choosing the harfbuzz subsetter."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    return bool(harfbuzz_subset) and bool(harfbuzz.hb_version_atleast(4, 1, 0))


def render(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=data_only_fetcher()).write_pdf()


def page_count(pdf: bytes) -> int:
    import io

    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def rows(options: Options) -> list[Row]:
    html = render_to_string(TEMPLATE, {"clauses": range(1, 7)})
    row = measure(
        "pdf.render",
        lambda: render(html),
        repeat=options.repeat,
        limit_scale=options.limit_scale,
        count_queries=False,
    )
    first, second = render(html), render(html)
    row.notes.update(
        pages=page_count(first),
        bytes=len(first),
        identical_bytes=first == second,
        sha256=hashlib.sha256(first).hexdigest()[:16],
        harfbuzz_subset=harfbuzz_subset_in_use(),
    )
    return [row]
