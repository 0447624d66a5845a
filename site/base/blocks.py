"""The one StreamBlock every content page shares (following wagtail/bakerydemo).

Optional text blocks default to "" rather than None: wagtail-localize extracts every text
block as a translatable segment and fails on None, which is what a block created in code (the
demo content, the API, a test) gets for a child it leaves out.

Each block renders with its own template under templates/base/blocks/ and has an API
representation through Wagtail's StreamField serialisation.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    heading_text = blocks.CharBlock(label=_("Heading"), form_classname="title")
    size = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "base/blocks/heading_block.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, default="")
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, default="")

    class Meta:
        icon = "image"
        label = _("Image")
        template = "base/blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribute_name = blocks.CharBlock(label=_("Who said it"), required=False, default="")
    attribute_role = blocks.CharBlock(label=_("Their role"), required=False, default="")

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "base/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A prominent link: to a page of the site (followed to its translation) or an address."""

    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(label=_("Text"), required=False, default="")
    button_label = blocks.CharBlock(label=_("Button label"))
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or an address"), required=False, default="")

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "base/blocks/call_to_action_block.html"

    def clean(self, value):
        from django.core.exceptions import ValidationError
        from wagtail.blocks.struct_block import StructBlockValidationError

        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or enter an address."))}
            )
        return value


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"))
    answer = blocks.RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FAQBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, default="")
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("Frequently asked questions")
        template = "base/blocks/faq_block.html"


class PersonCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"))
    role = blocks.CharBlock(label=_("Role"), required=False, default="")
    institution = blocks.CharBlock(label=_("Institution"), required=False, default="")
    # A chooser, not an ImageBlock: the portrait sits next to the name, so it is decorative
    # (rendered with alt=""), and wagtail-localize 1.14 cannot extract segments from an
    # optional ImageBlock left empty.
    photo = ImageChooserBlock(label=_("Photo"), required=False)
    bio = blocks.TextBlock(label=_("Short biography"), required=False, default="")

    class Meta:
        icon = "user"
        label = _("Person")


class PeopleCardsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, default="")
    people = blocks.ListBlock(PersonCardBlock(), label=_("People"))

    class Meta:
        icon = "group"
        label = _("People cards")
        template = "base/blocks/people_cards_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The content blocks editors compose programme, news, event and cohort pages from."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"],
        template="base/blocks/paragraph_block.html",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    faq = FAQBlock()
    people = PeopleCardsBlock()
    divider = blocks.StaticBlock(
        admin_text="", label=_("Divider"), template="base/blocks/divider.html"
    )
