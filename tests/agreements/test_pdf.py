"""The renderer: both languages side by side, diacritics exact, same bytes twice, PDF/A
metadata, and hostile user text printed as text with nothing fetched."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from workflows.agreements import pdf

HOSTILE = (
    '<img src="file:///etc/passwd"> <link rel="attachment" href="file:///etc/hostname">'
    ' <span style="background: url(http://203.0.113.9/x.png)">x</span> \u202etxet'
)


def document(goals: str = "Promotion vorbereiten", languages=("de", "cs")) -> pdf.Document:
    clauses = {
        "de": (
            pdf.Clause("Ziele", f"Ziele: {goals}"),
            pdf.Clause("Vertraulichkeit", "Über alles."),
        ),
        "cs": (pdf.Clause("Cíle", f"Cíle: {goals}"), pdf.Clause("Důvěrnost", "Mlčenlivost.")),
        "en": (pdf.Clause("Goals", f"Goals: {goals}"), pdf.Clause("Confidentiality", "All.")),
    }
    return pdf.Document(
        reference="CS-0001-v1",
        issued_at=datetime(2023, 11, 13, 10, 0, tzinfo=UTC),
        texts=tuple(
            pdf.LanguageText(code, f"Title {code}", clauses[code], {"page": "Page"})
            for code in languages
        ),
        mentee=pdf.Party("mentee", "Jürgen Groß", "OTH Amberg-Weiden", "j@example.de", "de"),
        mentor=pdf.Party("mentor", "Řehoř Šťastný", "ZČU v Plzni", "r@example.cz", "cs"),
        verify_url="http://127.0.0.1:8000/v/ABCDEFGHJK/",
        qr_svg=pdf.qr_svg("http://127.0.0.1:8000/v/ABCDEFGHJK/"),
    )


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_both_names_with_diacritics_and_both_languages_side_by_side():
    data = pdf.render(document())
    text = text_of(data)
    for expected in ("Jürgen Groß", "Řehoř Šťastný", "Vertraulichkeit", "Důvěrnost", "ZČU v Plzni"):
        assert expected in text
    assert "Goals" not in text


def test_one_language_when_both_parties_share_it():
    text = text_of(pdf.render(document(languages=("en",))))
    assert "Confidentiality" in text and "Vertraulichkeit" not in text


def test_identical_input_gives_identical_bytes():
    assert pdf.render(document()) == pdf.render(document())


def test_pdf_a_metadata_from_the_document():
    reader = PdfReader(io.BytesIO(pdf.render(document())))
    assert reader.metadata.title.startswith("Title de / Title cs")
    assert reader.metadata["/CreationDate"].startswith("D:20231113100000")
    assert reader.trailer["/ID"]
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "de" and "/Metadata" in catalog  # XMP (PDF/A)
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert all("Agreement-Sans" in name for name in fonts), fonts  # only the bundled fonts


def test_hostile_goals_render_as_text_and_nothing_is_fetched():
    fetcher = pdf.AssetFetcher()
    data = pdf.render(document(HOSTILE), fetcher=fetcher)
    text = text_of(data)
    assert '<img src="file:///etc/' in text.replace("\n", "")
    assert "url(http://203.0.113.9/x.png)" in text.replace("\n", "")
    assert "[U+202E]txet" in text
    assert all(pdf.asset_path(url) is not None for url in fetcher.asked), fetcher.asked
    assert not PdfReader(io.BytesIO(data)).attachments


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://203.0.113.9/x.png",
        "https://example.org/font.ttf",
        "data:text/plain,hello",
        "ftp://example.org/x",
        f"{pdf.ASSET_DIR.as_uri()}/../../pdf.py",
        "file://evil.example/etc/passwd",
    ],
)
def test_the_fetcher_refuses_everything_but_our_assets(url):
    with pytest.raises(ValueError):
        pdf.AssetFetcher().fetch(url)


def test_the_fetcher_serves_our_assets():
    response = pdf.AssetFetcher().fetch(f"{pdf.ASSET_DIR.as_uri()}/fonts/DejaVuSans.ttf")
    assert response.read()[:4] == b"\x00\x01\x00\x00"
