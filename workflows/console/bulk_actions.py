"""Bulk actions on the applications listing: automatic reviewer assignment and decisions.

Wagtail's bulk action framework (checkboxes, the footer, a confirmation page) with our own
execution: every application is its own transaction through the review services, and the
result page says, per application, what happened and why not, never one all-or-nothing step.
Only applications the person may see are touched; the engine checks each step again.
"""

from __future__ import annotations

from django import forms
from django.template.response import TemplateResponse
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.bulk_action import BulkAction

from applications.models import Application
from applications.permissions import applications_visible_to
from applications.queues import places_taken
from workflows.access.cohorts import is_coordinator_of
from workflows.engine.actors import Actor
from workflows.engine.engine import TransitionError
from workflows.lifecycles.application import APPLICATION, DECISIONS
from workflows.review import services
from workflows.review.models import ReviewAssignment
from workflows.review.services import ReviewError


class ApplicationBulkAction(BulkAction):
    """Base: the selected applications the person may see, coordinators of their cohort."""

    @classproperty
    def models(cls):
        return [Application]

    def get_actionable_objects(self):
        ids = [i for i in self.request.GET.getlist("id") if i.isdigit()]
        visible = applications_visible_to(self.request.user).select_related("person", "cohort")
        objects, without_access = [], []
        for application in visible.filter(pk__in=ids).order_by("pk"):
            if is_coordinator_of(self.request.user, application.cohort):
                objects.append(application)
            else:
                without_access.append(application)
        return objects, {"items_with_no_access": without_access}

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "header_icon": "form"}

    def done(self, context):
        return TemplateResponse(
            self.request, self.done_template_name, {**context, "next": self.next_url}
        )


class AutoAssignBulkAction(ApplicationBulkAction):
    display_name = _("Assign reviewers")
    action_type = "auto_assign"
    aria_label = _("Assign reviewers automatically to the selected applications")
    template_name = "console/bulk/auto_assign.html"
    done_template_name = "console/bulk/auto_assign_done.html"
    action_priority = 10

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "wanted": services.REVIEWERS_PER_APPLICATION}

    def form_valid(self, form):
        objects, _ = self.get_actionable_objects()
        actor = Actor.from_request(self.request)
        results = []
        for application in objects:
            try:
                results.append(services.auto_assign_with_reasons(application, actor))
            except (ReviewError, TransitionError) as error:
                count = application.review_assignments.active().count()
                reason = getattr(error, "reason", "") or str(error)
                results.append(
                    services.AssignmentResult(
                        application, [], count, services.REVIEWERS_PER_APPLICATION, reason
                    )
                )
        return self.done({"results": results})


class DecisionForm(forms.Form):
    """Nothing preselected: the decision, the message and the email are chosen each time."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[(name, APPLICATION.transition(name).label) for name in DECISIONS],
    )
    message = forms.CharField(
        label=_("Message to the applicants (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email_applicant = forms.BooleanField(
        label=_("Email each applicant the decision"), required=False, initial=False
    )
    confirm_outstanding = forms.BooleanField(
        label=_("Decide although reviews are still outstanding"), required=False
    )

    def __init__(self, *args, outstanding: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.outstanding = outstanding
        if not outstanding:
            del self.fields["confirm_outstanding"]

    def clean(self):
        cleaned = super().clean()
        if self.outstanding and not cleaned.get("confirm_outstanding"):
            self.add_error(
                "confirm_outstanding",
                _("Reviews are still outstanding: confirm that you decide anyway."),
            )
        return cleaned


class DecideBulkAction(ApplicationBulkAction):
    display_name = _("Decide")
    action_type = "decide"
    aria_label = _("Decide the selected applications")
    template_name = "console/bulk/decide.html"
    done_template_name = "console/bulk/decide_done.html"
    form_class = DecisionForm
    action_priority = 20

    def _outstanding(self, objects) -> int:
        """How many selected applications still wait for a review: one query for the whole
        selection (an ``exists()`` per application made the page grow with it)."""
        return (
            ReviewAssignment.objects.filter(
                application__in=[application.pk for application in objects],
                status=ReviewAssignment.Status.ASSIGNED,
            )
            .values("application")
            .distinct()
            .count()
        )

    def get_form_kwargs(self):
        objects, _ = self.get_actionable_objects()
        return {**super().get_form_kwargs(), "outstanding": self._outstanding(objects)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        objects, _ = self.get_actionable_objects()
        context["places"] = places_taken(objects)
        return context

    def form_valid(self, form):
        objects, _ = self.get_actionable_objects()
        result = services.decide_batch(
            objects,
            form.cleaned_data["decision"],
            Actor.from_request(self.request),
            message=form.cleaned_data["message"],
            email_applicant=form.cleaned_data["email_applicant"],
        )
        return self.done(
            {
                "decided": result.decided,
                "refused": result.refused,
                "decision": APPLICATION.transition(form.cleaned_data["decision"]).label,
            }
        )
