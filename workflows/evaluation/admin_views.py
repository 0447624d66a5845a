"""Coordinators' evaluation reports: HTML in the admin and a PDF (WeasyPrint, offline)."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from base.translated import translated, translations
from cohorts.models import CohortPage
from workflows.access.cohorts import is_coordinator_of
from workflows.access.groups import is_coordinator
from workflows.evaluation import charts
from workflows.evaluation.report import MIN_ANSWERS, cohort_report


def _coordinated_cohort(request: HttpRequest, pk: int) -> CohortPage:
    if not is_coordinator(request.user):
        raise Http404
    cohort = get_object_or_404(CohortPage, pk=pk, locale__language_code="en")
    if not is_coordinator_of(request.user, cohort):
        raise Http404
    return cohort


def report_index(request: HttpRequest) -> HttpResponse:
    if not is_coordinator(request.user):
        raise Http404
    cohorts = [
        cohort
        for cohort in CohortPage.objects.filter(locale__language_code="en").order_by(
            "-programme_starts_on"
        )
        if is_coordinator_of(request.user, cohort)
    ]
    # The titles in the reader's language in one query (``cohort.localized`` is one per row);
    # like ``localized``, a translation still in draft is not shown.
    names = {key: page for key, page in translations(CohortPage, cohorts).items() if page.live}
    for cohort in cohorts:
        cohort.title_in_language = translated(cohort, names).title
    return render(
        request,
        "evaluation/admin/index.html",
        {"cohorts": cohorts, "page_title": _("Evaluation reports")},
    )


def _context(cohort: CohortPage) -> dict:
    language = translation.get_language() or "en"
    report = cohort_report(cohort, language)
    for figures in report.rounds:
        for aggregate in figures.aggregates:
            aggregate.bars = charts.bars(aggregate.distribution)
            aggregate.chart_height = charts.height(aggregate.bars)
    return {
        "cohort": cohort,
        "cohort_title": cohort.localized.title,
        "report": report,
        "min_answers": MIN_ANSWERS,
        "page_title": _("Evaluation: %(cohort)s") % {"cohort": cohort.localized.title},
    }


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _coordinated_cohort(request, pk)
    return render(request, "evaluation/admin/report.html", _context(cohort))


def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from workflows.agreements.pdf import write_pdf

    cohort = _coordinated_cohort(request, pk)
    html = render_to_string("evaluation/report_pdf.html", _context(cohort), request=None)
    response = HttpResponse(write_pdf(html), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="evaluation-{cohort.slug}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
