"""The blocks editors build application forms from.

Translation with wagtail-localize: labels, help texts and choice labels are Char/TextBlocks,
so they become translation segments. The question keys and choice values are
:class:`KeyBlock` s, which offer no segments, so every translation keeps the source's key and
answers in every language land under the same stable keys. Core questions are chosen from a
ChoiceBlock (never extracted by wagtail-localize either).
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from applications.core import CORE_CHOICES

key_validator = RegexValidator(
    r"^[a-z][a-z0-9_]{0,49}$",
    _("Use lower-case letters, digits and underscores, starting with a letter."),
)


class KeyBlock(blocks.CharBlock):
    """A stable identifier: never translated, copied unchanged into every translation."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 50)
        kwargs.setdefault("validators", [key_validator])
        super().__init__(**kwargs)

    def get_translatable_segments(self, value) -> list:
        # wagtail-localize asks blocks for their segments; none means "synchronise, do not
        # translate" (the translation keeps the source value).
        return []

    def restore_translated_segments(self, value, segments):
        return value


class QuestionBlock(blocks.StructBlock):
    key = KeyBlock(
        label=_("Key"),
        help_text=_(
            "A stable identifier for the answer, e.g. “motivation”. Not shown to applicants; "
            "not translated."
        ),
    )
    label = blocks.CharBlock(label=_("Question"))
    help_text = blocks.TextBlock(label=_("Help text"), required=False)
    required = blocks.BooleanBlock(label=_("Required"), required=False, default=True)

    class Meta:
        icon = "form"


class TextQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Short text")
        icon = "pilcrow"


class LongTextQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Long text")
        icon = "doc-full"


class DateQuestionBlock(QuestionBlock):
    class Meta:
        label = _("Date")
        icon = "date"


class NumberQuestionBlock(QuestionBlock):
    min_value = blocks.IntegerBlock(label=_("Minimum"), required=False)
    max_value = blocks.IntegerBlock(label=_("Maximum"), required=False)

    class Meta:
        label = _("Number")
        icon = "order"


class FileQuestionBlock(QuestionBlock):
    class Meta:
        label = _("File (PDF)")
        icon = "doc-empty"


class ChoiceOptionBlock(blocks.StructBlock):
    value = KeyBlock(label=_("Value"), help_text=_("Stored with the answer; not translated."))
    label = blocks.CharBlock(label=_("Label"))

    class Meta:
        icon = "list-ul"


class ChoiceQuestionBlock(QuestionBlock):
    choices = blocks.ListBlock(ChoiceOptionBlock(), label=_("Choices"), min_num=2)

    class Meta:
        label = _("Choice")
        icon = "radio-full"


class MultipleChoiceQuestionBlock(ChoiceQuestionBlock):
    class Meta:
        label = _("Multiple choice")
        icon = "tick-inverse"


class ConsentQuestionBlock(blocks.StructBlock):
    key = KeyBlock(label=_("Key"))
    label = blocks.CharBlock(label=_("Statement to agree to"))
    help_text = blocks.TextBlock(label=_("Help text"), required=False)

    class Meta:
        label = _("Consent")
        icon = "tick"


class CoreQuestionBlock(blocks.StructBlock):
    """One of the typed core questions (see :mod:`applications.core`)."""

    question = blocks.ChoiceBlock(choices=CORE_CHOICES, label=_("Core question"))
    label = blocks.CharBlock(
        label=_("Wording"),
        required=False,
        help_text=_("Leave empty to use the standard wording."),
    )
    help_text = blocks.TextBlock(label=_("Help text"), required=False)

    class Meta:
        label = _("Core question")
        icon = "lock"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"))

    class Meta:
        label = _("Heading")
        icon = "title"


class HelpTextBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        label = _("Help text")
        icon = "help"


class FormStreamBlock(blocks.StreamBlock):
    core = CoreQuestionBlock()
    text = TextQuestionBlock()
    long_text = LongTextQuestionBlock()
    choice = ChoiceQuestionBlock()
    multiple_choice = MultipleChoiceQuestionBlock()
    date = DateQuestionBlock()
    number = NumberQuestionBlock()
    file = FileQuestionBlock()
    consent = ConsentQuestionBlock()
    heading = HeadingBlock()
    help_text = HelpTextBlock()
