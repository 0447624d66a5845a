"""Answering a survey: by the secret link in the invitation email, or from the portal.

The link's secret is the only key: someone without an invitation (outside the cohort) gets
404. The answers are stored without the person (see :mod:`.models`).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from portal.views import applicant_required
from workflows.evaluation import services
from workflows.evaluation.forms import answers_from, survey_form
from workflows.evaluation.models import SurveyInvitation


@never_cache
@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, token: str) -> HttpResponse:
    invitation = get_object_or_404(
        SurveyInvitation.objects.select_related("round__survey", "round__cohort"), token=token
    )
    survey = invitation.round.survey.in_language(request.LANGUAGE_CODE)
    context = {"invitation": invitation, "survey": survey}
    if invitation.answered_on:
        return render(request, "evaluation/answered.html", context)
    form = survey_form(survey, invitation.goals, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_answers(
                invitation,
                answers_from(survey, invitation.goals, form.cleaned_data),
                request.LANGUAGE_CODE,
            )
        except services.AnswerRefused as refusal:
            context["refusal"] = refusal.reason
            return render(request, "evaluation/answered.html", context, status=409)
        return render(request, "evaluation/thanks.html", context)
    status = 400 if request.method == "POST" else 200
    return render(request, "evaluation/answer.html", {**context, "form": form}, status=status)


@applicant_required
def my_surveys(request: HttpRequest) -> HttpResponse:
    invitations = SurveyInvitation.objects.filter(person=request.portal_person).select_related(
        "round__survey", "round__cohort"
    )
    return render(request, "evaluation/my_surveys.html", {"invitations": invitations})
