"""Forms of the review screens; they validate input, services do the work."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from workflows.lifecycles.application import APPLICATION, DECISIONS
from workflows.review.models import Review, Rubric

SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


def decision_choices() -> list[tuple[str, Any]]:
    return [(name, APPLICATION.transition(name).label) for name in DECISIONS]


class ReviewForm(forms.Form):
    """One radio group (1-5) per criterion of ``rubric``, then a recommendation and comment."""

    recommendation = forms.ChoiceField(
        label=_("Your recommendation"),
        choices=Review.Recommendation.choices,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment for the coordinators"), widget=forms.Textarea, required=False
    )

    def __init__(self, *args, rubric: Rubric, **kwargs):
        super().__init__(*args, **kwargs)
        self.rubric = rubric
        criteria = {}
        for criterion in rubric.criteria.all():
            name = f"criterion_{criterion.pk}"
            criteria[name] = forms.TypedChoiceField(
                label=criterion.label,
                help_text=criterion.help_text,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please score this criterion from 1 to 5.")},
            )
        # Criteria first, in the rubric's order.
        self.fields = {**criteria, **self.fields}

    def scores(self) -> dict[int, int]:
        return {
            int(name.removeprefix("criterion_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("criterion_")
        }


class ConflictForm(forms.Form):
    reason = forms.CharField(
        label=_("Conflict of interest"),
        help_text=_(
            "For example: you supervise, work with or are related to the applicant. "
            "Another reviewer will be assigned."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Please say briefly what the conflict of interest is.")},
    )


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=None)
    due_on = forms.DateField(
        label=_("Due on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for two weeks from today."),
    )

    def __init__(self, *args, reviewers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = reviewers
        self.fields["reviewer"].label_from_instance = reviewer_label


def reviewer_label(user) -> str:
    """The reviewer's name and current load, so coordinators can balance by hand."""
    load = gettext("%(count)s open") % {"count": user.open_reviews}
    return f"{user.get_full_name() or user.get_username()} ({load})"


class AutoAssignForm(forms.Form):
    reviewers = forms.IntegerField(
        label=_("Reviewers per application"), min_value=1, max_value=5, initial=2
    )


class DecisionForm(forms.Form):
    """A coordinator's decision. Nothing is preselected (neither the decision nor the email);
    only the decisions possible now are offered (``allowed``), and while reviews are still
    outstanding the coordinator confirms deciding anyway."""

    decision = forms.ChoiceField(
        label=_("Decision"), choices=decision_choices, widget=forms.RadioSelect
    )
    message = forms.CharField(
        label=_("Message to the applicant"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Included in the email. Required when you ask for changes."),
    )
    comment = forms.CharField(
        label=_("Internal note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only coordinators see this."),
    )
    email_applicant = forms.BooleanField(
        label=_("Email the applicant"), required=False, initial=False
    )
    confirm_outstanding = forms.BooleanField(
        label=_("Decide although reviews are still outstanding"), required=False
    )

    def __init__(self, *args, allowed=None, outstanding: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        if allowed is not None:
            self.fields["decision"].choices = allowed
        self.outstanding = outstanding
        if not outstanding:
            del self.fields["confirm_outstanding"]

    def clean(self):
        data = super().clean()
        if data.get("decision") == "request_changes" and not data.get("message", "").strip():
            self.add_error("message", _("Please tell the applicant what to change."))
        if self.outstanding and not data.get("confirm_outstanding"):
            self.add_error(
                "confirm_outstanding",
                _("Reviews are still outstanding: confirm that you decide anyway."),
            )
        return data


class BatchDecisionForm(DecisionForm):
    applications = forms.ModelMultipleChoiceField(
        label=_("Applications"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Please select at least one application.")},
    )
    comment = None

    def __init__(self, *args, applications, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applications"].queryset = applications
