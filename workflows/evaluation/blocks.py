"""The questions editors build surveys from.

Labels are translation segments (wagtail-localize); each question's key is a
:class:`applications.blocks.KeyBlock`, never translated, so answers given in any language
aggregate under the same key.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from applications.blocks import KeyBlock


class SurveyQuestionBlock(blocks.StructBlock):
    key = KeyBlock(label=_("Key"), help_text=_("A stable identifier, e.g. “satisfaction”."))
    label = blocks.CharBlock(label=_("Question"))
    help_text = blocks.TextBlock(label=_("Help text"), required=False)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)


class RatingBlock(SurveyQuestionBlock):
    """A rating from 1 (low) to 5 (high); aggregated as a mean and a distribution."""

    low_label = blocks.CharBlock(label=_("Meaning of 1"), required=False)
    high_label = blocks.CharBlock(label=_("Meaning of 5"), required=False)

    class Meta:
        label = _("Rating 1–5")
        icon = "pick"


class RecommendBlock(SurveyQuestionBlock):
    """0–10 "would you recommend": aggregated as a net promoter score."""

    class Meta:
        label = _("Recommendation 0–10")
        icon = "success"


class GoalsBlock(SurveyQuestionBlock):
    """Each goal of the respondent's agreement rated again, 1 (not reached) to 5 (reached)."""

    class Meta:
        label = _("Goals of the agreement, rated again")
        icon = "list-ul"


class OpenTextBlock(SurveyQuestionBlock):
    """Free text: kept for the coordinators' reading of themes, never shown per person."""

    class Meta:
        label = _("Open answer")
        icon = "pilcrow"


class SurveyBlock(blocks.StreamBlock):
    rating = RatingBlock()
    recommend = RecommendBlock()
    goals = GoalsBlock()
    text = OpenTextBlock()
