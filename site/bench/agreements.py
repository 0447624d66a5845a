"""Agreements: issued agreement to PDF, and render plus PAdES seal, per document.

* ``agreement.render``: our renderer (template, bundled fonts, the asset-only fetcher, PDF/A-3b)
  over 20 different bilingual (German | Czech) agreements; the row's figures are per document.
  Its notes give ``weasyprint_ms``: WeasyPrint rendering the same final HTML directly (its own
  fetcher, same variant), measured in the same run, and ``ratio`` (ours / WeasyPrint's). The
  target is a ratio of at most 1.2: our safety and determinism should cost next to nothing.
* ``agreement.seal``: render plus seal (the final PDF with a certificate of completion);
  ``seal_ms`` is the seal alone, median per document. Target: under 50 ms.

No database: the documents are built in memory; the seal uses the development certificate
under the throwaway var directory.
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

from django.conf import settings

from bench.limits import limit_for
from bench.measure import Row, measure
from bench.options import Options

NEEDS_DB = False
DOCUMENTS = 20

MENTEES = ["Jürgen Groß", "Lena Weiß", "Maximilian Bäuerle", "Sophie Müller", "Tobias Schröder"]
MENTORS = ["Řehoř Šťastný", "Kateřina Dvořáková", "Jiří Kučera", "Zuzana Říhová", "Petr Čech"]


def documents(*, final: bool = False) -> list:
    from workflows.agreements import pdf

    labels = {"page": "Seite", "verify": "Prüfen", "reference": "Nr.", "issued": "Ausgestellt"}
    result = []
    for number in range(DOCUMENTS):
        mentee, mentor = MENTEES[number % 5], MENTORS[(number * 3) % 5]
        goals = f"Promotion an der OTH vorbereiten, Thema {number}: Leichtbau und Tribologie. " * 3
        de = tuple(
            pdf.Clause(f"§ {i} Vereinbarung", f"{mentee} und {mentor}: {goals}")
            for i in range(1, 7)
        )
        cs = tuple(
            pdf.Clause(
                f"Článek {i}", f"{mentee} a {mentor} se dohodli. Příliš žluťoučký kůň. {goals}"
            )
            for i in range(1, 7)
        )
        issued = datetime(2023, 11, 13, 10, tzinfo=UTC) + timedelta(minutes=number)
        url = f"{settings.SITE_URL}/v/BENCH{number:05d}/"
        events = ()
        if final:
            events = tuple(
                pdf.SigningLine(
                    role,
                    (role, role),
                    name,
                    f"2023-11-1{4 + i} 09:00:00",
                    "192.0.2.1",
                    "portal_link",
                    ("Link", "Odkaz"),
                    "a" * 64,
                )
                for i, (role, name) in enumerate(
                    (("mentee", mentee), ("mentor", mentor), ("coordinator", "Eva Nováková"))
                )
            )
        result.append(
            pdf.Document(
                reference=f"CS-{number:04d}-v1",
                issued_at=issued,
                texts=(
                    pdf.LanguageText("de", "Mentoring-Vereinbarung", de, labels),
                    pdf.LanguageText("cs", "Dohoda o mentoringu", cs, labels),
                ),
                mentee=pdf.Party("mentee", mentee, "OTH Amberg-Weiden", "m@example.de", "de"),
                mentor=pdf.Party("mentor", mentor, "ZČU v Plzni", "r@example.cz", "cs"),
                verify_url=url,
                qr_svg=pdf.qr_svg(url),
                issued_sha256="b" * 64 if final else "",
                events=events,
            )
        )
    return result


def per_document(row: Row, count: int, limit_scale: float) -> Row:
    """A row timed over ``count`` documents per run, turned into figures per document."""
    row.median_ms = round(row.median_ms / count, 2)
    row.p95_ms = round(row.p95_ms / count, 2)
    row.limit_ms = round(limit_for(row.name).median_ms * limit_scale, 2)
    row.status = "OK" if row.median_ms <= row.limit_ms else "SLOW"
    row.notes["documents"] = count
    return row


def weasyprint_direct(html: str) -> bytes:
    from weasyprint import HTML

    from workflows.agreements.pdf import ASSET_DIR, PDF_VARIANT

    return HTML(string=html, base_url=ASSET_DIR.as_uri() + "/").write_pdf(pdf_variant=PDF_VARIANT)


def rows(options: Options) -> list[Row]:
    from workflows.agreements import pdf, sealing

    repeat = max(1, options.repeat // 5)
    issued = documents()
    render = measure(
        "agreement.render",
        lambda: [pdf.render(d) for d in issued],
        repeat=repeat,
        limit_scale=options.limit_scale,
        count_queries=False,
    )
    htmls = [pdf.html_for(d) for d in issued]
    direct = measure(
        "agreement.render",
        lambda: [weasyprint_direct(h) for h in htmls],
        repeat=repeat,
        limit_scale=options.limit_scale,
        count_queries=False,
        memory=False,
    )
    per_document(render, DOCUMENTS, options.limit_scale)
    weasyprint_ms = round(direct.median_ms / DOCUMENTS, 2)
    render.notes.update(
        weasyprint_ms=weasyprint_ms,
        ratio=round(render.median_ms / weasyprint_ms, 3),
        ratio_target=1.2,
        identical_bytes=pdf.render(issued[0]) == pdf.render(issued[0]),
    )

    finals = documents(final=True)
    seal_times: list[float] = []

    def render_and_seal() -> None:
        for document in finals:
            data = pdf.render(document)
            started = time.perf_counter()
            sealing.seal(data)
            seal_times.append((time.perf_counter() - started) * 1000)

    seal = measure(
        "agreement.seal",
        render_and_seal,
        repeat=repeat,
        limit_scale=options.limit_scale,
        count_queries=False,
    )
    per_document(seal, DOCUMENTS, options.limit_scale)
    seal.notes.update(seal_ms=round(statistics.median(seal_times), 2), seal_target_ms=50)
    return [render, seal]
