"""The reviewer's page: the whole application beside the rubric, in the reviewer's language.

Left: who applied (cohort title in the reader's language, role by name), every answer under
its question's label in the reader's admin language where the form has a translation (the
answers as given), and the CV shown inline (plus a download link). Right: the rubric, each
criterion with its guidance and each score level with its description; save as draft,
submit, then straight on to the next open assignment.

Never shown here: other reviewers' scores, the coordinators' internal notes or the history
(issue 11). The CV is served by :func:`cv_file`, which checks that the asker holds this
(not recused) assignment: 404 for anyone else.
"""

from __future__ import annotations

import re

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from applications.admin.answers import answer_rows, labels_in_language
from applications.models import Upload
from base.translated import translated, translations
from workflows.review import permissions, services
from workflows.review.drafts import discard_draft, draft_data, load_draft, save_draft
from workflows.review.forms import ConflictForm, ReviewForm
from workflows.review.models import ReviewAssignment

#: The scale every criterion is scored on; a criterion's guidance may override a level's
#: description with a line such as "4: Concrete goals, a mentor can help with most".
LEVELS = {
    1: (gettext_lazy("Insufficient"), gettext_lazy("Not addressed, or far below what we need.")),
    2: (gettext_lazy("Weak"), gettext_lazy("Addressed in part, with important gaps.")),
    3: (gettext_lazy("Adequate"), gettext_lazy("Meets what we need, with some gaps.")),
    4: (gettext_lazy("Good"), gettext_lazy("Clearly meets what we need; minor gaps only.")),
    5: (gettext_lazy("Excellent"), gettext_lazy("Outstanding; nothing missing.")),
}
LEVEL_LINE = re.compile(r"^\s*([1-5])\s*[:=–-]\s*(.+)$")


def level_descriptions(guidance: str) -> tuple[str, dict[int, tuple[str, str]]]:
    """The criterion's guidance without its level lines, and the five levels' (name,
    description), the guidance's own lines taking precedence over the common scale."""
    levels = {n: (str(name), str(text)) for n, (name, text) in LEVELS.items()}
    rest = []
    for line in (guidance or "").splitlines():
        match = LEVEL_LINE.match(line)
        if match:
            number = int(match.group(1))
            levels[number] = (levels[number][0], match.group(2).strip())
        else:
            rest.append(line)
    return "\n".join(rest).strip(), levels


def _own_assignment(request, pk: int) -> ReviewAssignment:
    """The asker's own, not recused assignment; 404 otherwise (nothing is revealed)."""
    assignment = get_object_or_404(
        ReviewAssignment.objects.select_related(
            "application__person", "application__cohort", "application__profile__institution"
        ),
        pk=pk,
        reviewer=request.user,
    )
    if assignment.status == ReviewAssignment.Status.RECUSED:
        raise Http404
    return assignment


def next_assignment(user, after: ReviewAssignment) -> ReviewAssignment | None:
    """The reviewer's next open assignment: earliest due first, then the oldest."""
    return (
        ReviewAssignment.objects.open()
        .filter(reviewer=user)
        .exclude(pk=after.pk)
        .order_by("due_on", "pk")
        .first()
    )


def _criteria_rows(form: ReviewForm | None) -> list[dict]:
    """Per criterion: its form field, the guidance, and the radio options with their level."""
    if form is None:
        return []
    rows = []
    for criterion in form.rubric.criteria.all():
        bound = form[f"criterion_{criterion.pk}"]
        guidance, levels = level_descriptions(criterion.help_text)
        options = []
        for radio in bound:
            number = int(radio.data["value"])
            name, description = levels[number]
            options.append({"radio": radio, "number": number, "name": name, "text": description})
        rows.append(
            {"criterion": criterion, "field": bound, "guidance": guidance, "options": options}
        )
    return rows


def review_page(request, pk: int):
    """GET shows the page; POST ``action`` = ``draft`` | ``review`` | ``conflict``."""
    assignment = _own_assignment(request, pk)
    application = assignment.application
    rubric = services.rubric_for(application, get_language())
    allowed, closed_reason = permissions.can_review(request.user, assignment)
    draft = load_draft(assignment) if allowed else None
    form = ReviewForm(initial=draft.data if draft else None, rubric=rubric) if rubric else None
    conflict_form = ConflictForm()
    following = next_assignment(request.user, assignment)
    if request.method == "POST" and allowed:
        action = request.POST.get("action")
        try:
            if action == "draft" and rubric:
                save_draft(assignment, draft_data(request.POST))
                messages.success(request, _("Your draft has been saved. Only you can see it."))
                return redirect(request.path)
            if action == "review" and rubric:
                form = ReviewForm(request.POST, rubric=rubric)
                if form.is_valid():
                    with transaction.atomic():
                        services.submit_review(
                            assignment,
                            request.user,
                            rubric=rubric,
                            scores=form.scores(),
                            recommendation=form.cleaned_data["recommendation"],
                            comment=form.cleaned_data["comment"],
                        )
                        discard_draft(assignment)
                    messages.success(request, _("Your review has been submitted. Thank you!"))
                    if following:
                        return redirect("review_admin:review", following.pk)
                    return redirect("review_admin:my_reviews")
                # Nothing typed is lost: an invalid submission is kept as the draft too.
                save_draft(assignment, draft_data(request.POST))
            if action == "conflict":
                conflict_form = ConflictForm(request.POST)
                if conflict_form.is_valid():
                    replacement = services.declare_conflict(
                        assignment, request.user, conflict_form.cleaned_data["reason"]
                    )
                    messages.success(
                        request,
                        _("Thank you. Another reviewer has been assigned.")
                        if replacement
                        else _("Thank you. The coordinators will assign another reviewer."),
                    )
                    return redirect("review_admin:my_reviews")
        except services.ReviewError as error:
            messages.error(request, error.reason)

    labels = labels_in_language([application])
    answers = answer_rows(application, labels)
    files = [row for row in answers if row.file_url]
    profile = getattr(application, "profile", None)
    cohort = translated(
        application.cohort, translations(type(application.cohort), [application.cohort])
    )
    institution = None
    if profile is not None and profile.institution_id:
        institution = translated(
            profile.institution, translations(type(profile.institution), [profile.institution])
        )
    return TemplateResponse(
        request,
        "review/admin/reviewer_page.html",
        {
            "page_title": _("Review: %(name)s") % {"name": application.person.full_name},
            "header_title": _("Review: %(name)s") % {"name": application.person.full_name},
            "header_icon": "tasks",
            "assignment": assignment,
            "application": application,
            "cohort_title": cohort.title,
            "institution": institution,
            "answers": [row for row in answers if not row.file_url],
            "cv_files": [
                {
                    "name": row.value,
                    "label": row.label,
                    "inline_url": reverse(
                        "reviewer_page:cv", args=[assignment.pk, _upload_id(row, application)]
                    ),
                }
                for row in files
                if _upload_id(row, application)
            ],
            "rubric": rubric,
            "form": form if allowed else None,
            "criteria": _criteria_rows(form) if allowed else [],
            "draft": draft,
            "closed_reason": "" if allowed else closed_reason,
            "conflict_form": conflict_form if allowed else None,
            "review": getattr(assignment, "review", None),
            "next_assignment": following,
        },
    )


def _upload_id(row, application) -> int | None:
    value = (application.answers or {}).get(row.key)
    if isinstance(value, dict) and "upload" in value:
        return int(value["upload"])
    return None


@xframe_options_sameorigin
def cv_file(request, pk: int, upload_pk: int):
    """The applicant's file for the assigned reviewer: inline (shown in the page's frame), or
    as a download with ``?download=1``. 404 for anyone else and for files of other
    applications."""
    assignment = _own_assignment(request, pk)
    upload = Upload.objects.filter(pk=upload_pk, application_id=assignment.application_id).first()
    if upload is None:
        raise Http404
    response = FileResponse(
        upload.file.open("rb"),
        content_type="application/pdf",
        as_attachment=bool(request.GET.get("download")),
        filename=upload.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _register_urls():
    from django.urls import include, path
    from wagtail import hooks

    @hooks.register("register_admin_urls")
    def reviewer_page_urls():
        patterns = [path("<int:pk>/cv/<int:upload_pk>/", cv_file, name="cv")]
        return [
            path(
                "reviews/assignment/",
                include((patterns, "reviewer_page"), namespace="reviewer_page"),
            )
        ]


_register_urls()
