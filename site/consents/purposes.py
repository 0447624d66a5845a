"""The purposes a person can consent to: one table, keys never translated.

A purpose's ``key`` is what the database stores; its label and description are what people
read (gettext). ``required`` purposes are the condition of taking part: they are given with the
application form and cannot be withdrawn on their own (withdrawing means asking for erasure).
Optional purposes are given or withdrawn in the portal at any time.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

APPLICATION = "application"
PROGRAMME_CONTACT = "programme_contact"
EVALUATION = "evaluation"
ALUMNI_FOLLOWUP = "alumni_followup"
PHOTOS = "photos"


@dataclass(frozen=True)
class Purpose:
    key: str
    label: str | Promise
    description: str | Promise
    required: bool = False


PURPOSES: tuple[Purpose, ...] = (
    Purpose(
        APPLICATION,
        _("Processing my application"),
        _(
            "Your answers and CV are used to assess your application, to find you a tandem "
            "partner and to run the programme year with you. This is needed to take part."
        ),
        required=True,
    ),
    Purpose(
        PROGRAMME_CONTACT,
        _("News and invitations"),
        _(
            "Emails about programme events and news, and invitations to take part in a later "
            "cohort."
        ),
    ),
    Purpose(
        EVALUATION,
        _("Evaluation surveys"),
        _(
            "Invitations to short surveys during and at the end of the programme year. Your "
            "answers are stored without your name."
        ),
    ),
    Purpose(
        ALUMNI_FOLLOWUP,
        _("Follow-up after the programme"),
        _(
            "We may write to you one and three years after the programme to ask how your "
            "career has developed."
        ),
    ),
    Purpose(
        PHOTOS,
        _("Photos at programme events"),
        _(
            "Photos of programme events in which you can be recognised may appear on the "
            "programme's website and in its reports."
        ),
    ),
)

PURPOSES_BY_KEY: dict[str, Purpose] = {purpose.key: purpose for purpose in PURPOSES}
PURPOSE_CHOICES = [(purpose.key, purpose.label) for purpose in PURPOSES]
OPTIONAL_PURPOSES = tuple(purpose for purpose in PURPOSES if not purpose.required)


def get_purpose(key: str) -> Purpose | None:
    return PURPOSES_BY_KEY.get(key)
