"""Forms of the matching screen: weights and switches, pair rules."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from workflows.matching.constraints import CONSTRAINTS
from workflows.matching.keys import DEFAULT_SWITCHES, DEFAULT_WEIGHTS
from workflows.matching.models import PairRule
from workflows.matching.scoring import CRITERIA


class SettingsForm(forms.Form):
    """One weight field per criterion, one switch per hard constraint (built from the tables)."""

    participants_say = forms.BooleanField(
        label=_("Participants have a say (mentees rank mentors, mentors exclude topics)"),
        required=False,
    )

    def __init__(self, *args, settings=None, **kwargs):
        initial = {}
        if settings is not None:
            weights = {**DEFAULT_WEIGHTS, **(settings.weights or {})}
            switches = {**DEFAULT_SWITCHES, **(settings.switches or {})}
            initial = {f"weight_{k}": v for k, v in weights.items()}
            initial |= {f"switch_{k}": v for k, v in switches.items()}
            initial["participants_say"] = settings.participants_say
        super().__init__(*args, initial=initial, **kwargs)
        for criterion in CRITERIA:
            self.fields[f"weight_{criterion.key}"] = forms.FloatField(
                label=criterion.label,
                help_text=criterion.explanation,
                min_value=0,
                max_value=10,
            )
        for constraint in CONSTRAINTS:
            self.fields[f"switch_{constraint.key}"] = forms.BooleanField(
                label=constraint.label, help_text=constraint.reason, required=False
            )

    def weights(self) -> dict[str, float]:
        return {c.key: self.cleaned_data[f"weight_{c.key}"] for c in CRITERIA}

    def switches(self) -> dict[str, bool]:
        return {c.key: self.cleaned_data[f"switch_{c.key}"] for c in CONSTRAINTS}


class RuleForm(forms.Form):
    mentee = forms.ChoiceField(label=_("Mentee"))
    mentor = forms.ChoiceField(label=_("Mentor"))
    kind = forms.ChoiceField(label=_("Rule"), choices=PairRule.Kind.choices)
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args, mentees=(), mentors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentee"].choices = [(a.pk, a.person.full_name) for a in mentees]
        self.fields["mentor"].choices = [(a.pk, a.person.full_name) for a in mentors]
