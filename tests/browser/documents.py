"""Real documents to upload: a CV rendered to PDF by WeasyPrint (the project's PDF engine)."""

from __future__ import annotations

from pathlib import Path


def make_cv_pdf(path: Path, full_name: str, city: str) -> Path:
    """Write a one-page CV for ``full_name`` as a real PDF (text extractable) and return it."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = f"""<!doctype html><html lang="de"><head><meta charset="utf-8"><title>CV</title></head>
    <body><h1>{full_name}</h1><p>{city}</p><h2>Ausbildung</h2>
    <p>M.Sc. Maschinenbau, OTH Amberg-Weiden (2025–2027)</p></body></html>"""
    # Nothing external is fetched: the document is self-contained.
    fetcher = URLFetcher(allowed_protocols=("data",))
    HTML(string=html, url_fetcher=fetcher).write_pdf(path)
    return path
