"""StreamField blocks shared by every page type (one template each under components/streamfield)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

BLOCK_TEMPLATES = "components/streamfield/blocks"


class HeadingBlock(blocks.StructBlock):
    """A section heading; the level keeps the page outline in order for screen readers."""

    text = blocks.CharBlock(label=_("Tekst"), max_length=160)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Kop")
        template = f"{BLOCK_TEMPLATES}/heading_block.html"


class AltTextImageBlock(ImageBlock):
    """Wagtail's image with alt text, stricter: alt text of only spaces does not count, and the
    refusal keeps our own Dutch wording (WCAG 1.1.1)."""

    def clean(self, value):
        """A screen reader user must hear what an informative image shows, drafts included."""
        if value and not value.decorative and not (value.contextual_alt_text or "").strip():
            message = _('Vul een alternatieve tekst in, of vink "Afbeelding is decoratief" aan.')
            raise StructBlockValidationError(block_errors={"alt_text": ValidationError(message)})
        return super().clean(value)


class FigureBlock(blocks.StructBlock):
    """An image with its alt text (or marked decorative) and an optional caption."""

    image = AltTextImageBlock(label=_("Afbeelding"))
    caption = blocks.CharBlock(label=_("Onderschrift"), required=False)

    class Meta:
        icon = "image"
        label = _("Afbeelding")
        template = f"{BLOCK_TEMPLATES}/image_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A downloadable document, shown with its file type and size."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Linktekst"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = f"{BLOCK_TEMPLATES}/document_link_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to the next step, usually one of the forms."""

    title = blocks.CharBlock(label=_("Titel"))
    text = blocks.TextBlock(label=_("Tekst"), required=False)
    page = blocks.PageChooserBlock(label=_("Pagina"), required=False)
    url = blocks.URLBlock(label=_("Of externe link"), required=False)
    button_text = blocks.CharBlock(label=_("Knoptekst"), default=_("Ga verder"))

    class Meta:
        icon = "pick"
        label = _("Oproep tot actie")
        template = f"{BLOCK_TEMPLATES}/call_to_action_block.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Vraag"))
    answer = blocks.RichTextBlock(label=_("Antwoord"), features=["bold", "italic", "link", "ul"])


class AccordionBlock(blocks.StructBlock):
    """Questions and answers as native <details>: works without JavaScript."""

    title = blocks.CharBlock(label=_("Titel"), required=False)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Vragen"))
    is_faq = blocks.BooleanBlock(
        label=_("Veelgestelde vragen"),
        required=False,
        default=True,
        help_text=_("Zoekmachines krijgen de vragen dan als FAQ (schema.org)."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Vragen en antwoorden")
        template = f"{BLOCK_TEMPLATES}/accordion_block.html"


class CaptionedTableBlock(blocks.StructBlock):
    """A data table with a caption, so screen readers announce what it holds."""

    caption = blocks.CharBlock(label=_("Bijschrift"))
    table = TableBlock(label=_("Tabel"), table_options={"contextMenu": True})

    class Meta:
        icon = "table"
        label = _("Tabel")
        template = f"{BLOCK_TEMPLATES}/table_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    """The body of every page type."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label=_("Tekst"), icon="pilcrow")
    image = FigureBlock()
    document = DocumentLinkBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    table = CaptionedTableBlock()

    class Meta:
        block_counts = {}
