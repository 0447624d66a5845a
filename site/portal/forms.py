"""Forms of the applicant portal. Field names are stable: browser tests address them by id."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from applications.models import Application
from portal.services import amendable_fields


class SignInForm(forms.Form):
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("The address you applied with. We will email you a link to sign in."),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Why are you withdrawing? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class AmendFormBase(forms.ModelForm):
    """The applicant-editable fields of Application (added by :func:`amend_form_class`)."""

    class Meta:
        model = Application
        fields: list[str] = []


def _formfield(db_field, **kwargs):
    """The correspondence language is one of the site's languages, not free text."""
    if db_field.name == "language":
        return forms.ChoiceField(
            label=db_field.verbose_name, choices=settings.LANGUAGES, required=True
        )
    return db_field.formfield(**kwargs)


def amend_form_class() -> type[forms.ModelForm]:
    """A ModelForm over the applicant-editable fields of Application.

    Built from the model, so the model's own validation applies to every answer.
    """
    return forms.modelform_factory(
        Application, form=AmendFormBase, fields=amendable_fields(), formfield_callback=_formfield
    )


class AmendNoteForm(forms.Form):
    """The note sent with amended answers (kept apart so it never lands in the answers)."""

    note = forms.CharField(
        label=_("What did you change? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


#: Answers that identify the person: shown, but not changed by amending.
FIXED_ANSWERS = ("email",)


def answers_form(application: Application, data=None, files=None):
    """The applications app's own form for the page the applicant answered, prefilled.

    Files already attached to the application count as answered (a new file replaces one);
    the email address stays as submitted.
    """
    from applications.forms import ApplicationForm

    kept = {upload.field_key: upload for upload in application.uploads.order_by("created_at")}
    initial = {
        key: value
        for key, value in (application.answers or {}).items()
        if not (isinstance(value, dict) and "upload" in value)
    }
    initial["email"] = application.person.email
    form = ApplicationForm(
        application.form_page.specific, data, files, pending_uploads=kept, initial=initial
    )
    for key in FIXED_ANSWERS:
        if key in form.fields:
            form.fields[key].disabled = True
    return form
