"""Forms of the agreement screens; errors are translated and shown at the field."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

SHA256 = re.compile(r"^[0-9a-f]{64}$")
MAX_VERIFY_BYTES = 20 * 1024 * 1024


class SignForm(forms.Form):
    typed_name = forms.CharField(label=_("Type your full name to sign"), max_length=200, strip=True)
    confirm = forms.BooleanField(
        label=_(
            "I have read the agreement shown above (the PDF with the SHA-256 above) and sign it "
            "electronically by typing my name."
        ),
        error_messages={"required": _("Please confirm that you have read the agreement.")},
    )
    sha256 = forms.CharField(widget=forms.HiddenInput)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you reject the agreement?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
        error_messages={"required": _("Please give a reason.")},
    )


class ProposalForm(forms.Form):
    text = forms.CharField(
        label=_("The change you propose"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        error_messages={"required": _("Please describe the change you propose.")},
    )
    reason = forms.CharField(
        label=_("Why (optional)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )


class VerifyForm(forms.Form):
    document = forms.FileField(label=_("The agreement PDF"), required=False)
    sha256 = forms.CharField(label=_("… or its SHA-256"), required=False, max_length=100)

    def clean_sha256(self) -> str:
        value = self.cleaned_data["sha256"].strip().lower()
        if value and not SHA256.match(value):
            raise forms.ValidationError(_("A SHA-256 is 64 characters 0–9 and a–f."))
        return value

    def clean_document(self):
        upload = self.cleaned_data.get("document")
        if upload is not None and upload.size > MAX_VERIFY_BYTES:
            raise forms.ValidationError(_("The file is too large to be an agreement."))
        return upload

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("document") and not data.get("sha256"):
            raise forms.ValidationError(_("Please upload the PDF or paste its SHA-256."))
        return data
