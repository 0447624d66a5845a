"""The participants' meeting form: every error at its field, nothing entered lost."""

from __future__ import annotations

import zoneinfo
from datetime import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from institutions.models import Institution
from workflows.programme_life.meetings import MeetingDetails
from workflows.programme_life.models import Meeting

#: The zones tandems meet in first; any other valid IANA name is accepted too.
COMMON_ZONES = ("Europe/Prague", "Europe/Berlin", "Europe/Vienna", "UTC")


class MeetingForm(forms.Form):
    STATUS_CHOICES = (
        ("planned", _("We plan to meet")),
        ("held", _("We have met")),
    )

    status = forms.ChoiceField(
        label=_("Is it planned or has it taken place?"),
        choices=STATUS_CHOICES,
        widget=forms.RadioSelect,
    )
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start_time = forms.TimeField(
        label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    timezone = forms.ChoiceField(label=_("Time zone"))
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=5, max_value=600, initial=60
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=Meeting.Kind.choices)
    mode = forms.ChoiceField(
        label=_("Where"), choices=Meeting.Mode.choices, widget=forms.RadioSelect
    )
    institution = forms.ModelChoiceField(
        label=_("At which university?"),
        queryset=Institution.objects.none(),
        required=False,
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    visibility = forms.ChoiceField(
        label=_("Who sees this entry?"),
        choices=Meeting.Visibility.choices,
        widget=forms.RadioSelect,
        initial=Meeting.Visibility.SHARED,
    )
    notes = forms.CharField(
        label=_("Notes"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, institutions=(), default_zone: str = "Europe/Prague", **kwargs):
        super().__init__(*args, **kwargs)
        zones = [default_zone, *(z for z in COMMON_ZONES if z != default_zone)]
        self.fields["timezone"].choices = [(zone, zone.replace("_", " ")) for zone in zones]
        self.fields["timezone"].initial = default_zone
        self.fields["institution"].queryset = Institution.objects.filter(
            pk__in=[institution.pk for institution in institutions]
        )
        self.fields["institution"].label_from_instance = lambda inst: str(inst.localized)

    def clean(self):
        data = super().clean()
        mode = data.get("mode")
        if mode == Meeting.Mode.IN_PERSON and not data.get("institution"):
            self.add_error("institution", _("Please choose the university where you meet."))
        if mode == Meeting.Mode.ELSEWHERE and not data.get("place", "").strip():
            self.add_error("place", _("Please say where you meet."))
        starts_at = self._starts_at(data)
        if starts_at is not None:
            data["starts_at"] = starts_at
            now = timezone.now()
            if data.get("status") == "planned" and starts_at <= now:
                self.add_error(
                    "date",
                    _(
                        "A planned meeting must lie in the future. To record a meeting that "
                        "took place, choose “We have met”."
                    ),
                )
            if data.get("status") == "held" and starts_at > now:
                self.add_error("date", _("A meeting in the future cannot have taken place yet."))
        return data

    @staticmethod
    def _starts_at(data) -> datetime | None:
        if not (data.get("date") and data.get("start_time") and data.get("timezone")):
            return None
        try:
            zone = zoneinfo.ZoneInfo(data["timezone"])
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None
        return datetime.combine(data["date"], data["start_time"]).replace(tzinfo=zone)

    def details(self) -> MeetingDetails:
        data = self.cleaned_data
        mode = data["mode"]
        return MeetingDetails(
            starts_at=data["starts_at"],
            timezone=data["timezone"],
            duration_minutes=data["duration_minutes"],
            mode=mode,
            kind=data["kind"],
            visibility=data["visibility"],
            notes=data.get("notes", ""),
            institution_id=data["institution"].pk
            if mode == Meeting.Mode.IN_PERSON and data.get("institution")
            else None,
            place=data.get("place", "") if mode == Meeting.Mode.ELSEWHERE else "",
        )
