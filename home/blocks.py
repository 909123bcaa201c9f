"""StreamField blocks shared by every page type (one template each under components/streamfield)."""

import hashlib
import json
from functools import partial

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.widgets import AdminTagWidget
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from . import listable
from .cache import version

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


class TermsBlock(blocks.MultipleChoiceBlock):
    """Terms of one taxonomy as checkboxes, as on the page edit form. The choices are read when
    the form is shown; reading a stored value keeps the ids as they are (no query per page view),
    so a term deleted since simply matches nothing."""

    def __init__(self, model_label, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(choices=partial(listable.term_choices, model_label), **kwargs)

    def to_python(self, value):
        return listable.term_ids(value if isinstance(value, (list, tuple)) else [value])

    def get_searchable_content(self, value):
        return []


class TagsBlock(blocks.FieldBlock):
    """Tags as in the page's promote tab (comma separated, with suggestions)."""

    def __init__(self, required=False, help_text=None, **kwargs):
        self.field = forms.CharField(
            required=required, help_text=help_text, widget=AdminTagWidget()
        )
        super().__init__(**kwargs)


class ListingBlock(blocks.StructBlock):
    """A list of pages that editors compose (as a Plone collection): page types, terms, tags,
    order and number, shown with the cards of the index pages. A page type joins by declaring
    `listing_card` (see home/listable.py). Rendered in a fragment cache under the publish
    version, so a publish or unpublish of any page shows in the list on the next request."""

    title = blocks.CharBlock(
        label=_("Titel"), required=False, max_length=160, help_text=_("Kop boven de lijst.")
    )
    page_types = blocks.MultipleChoiceBlock(
        label=_("Soorten pagina's"),
        choices=listable.listing_type_choices,
        widget=forms.CheckboxSelectMultiple,
        search_index=False,
    )
    target_groups = TermsBlock(
        "goodpractices.Doelgroep",
        label=_("Doelgroepen"),
        required=False,
        help_text=_(
            "Alleen pagina's voor een van deze doelgroepen. Soorten pagina's zonder doelgroepen "
            "worden hier niet op gefilterd."
        ),
    )
    themes = TermsBlock(
        "goodpractices.Thema",
        label=_("Thema's"),
        required=False,
        help_text=_(
            "Alleen pagina's over een van deze thema's. Soorten pagina's zonder thema's worden "
            "hier niet op gefilterd."
        ),
    )
    regions = TermsBlock(
        "goodpractices.Regio",
        label=_("Regio's"),
        required=False,
        help_text=_(
            "Alleen pagina's uit een van deze regio's. Soorten pagina's zonder regio worden hier "
            "niet op gefilterd."
        ),
    )
    tags = TagsBlock(
        label=_("Onderwerpen"),
        required=False,
        help_text=_(
            "Alleen pagina's met een van deze onderwerpen (tags). Soorten pagina's zonder "
            "onderwerpen worden hier niet op gefilterd."
        ),
    )
    sort = blocks.ChoiceBlock(
        label=_("Volgorde"),
        choices=[
            (listable.SORT_NEWEST, _("Nieuwste eerst (datum of publicatie)")),
            (listable.SORT_OLDEST, _("Oudste eerst (datum of publicatie)")),
            (listable.SORT_TITLE, _("Titel (A-Z)")),
            (listable.SORT_MENU, _("Volgorde in de paginaboom (menu)")),
        ],
        default=listable.SORT_NEWEST,
        search_index=False,
        help_text=_(
            "De datum is de eigen datum van de pagina (zoals bij beleidsdocumenten), anders de "
            "datum van de eerste publicatie."
        ),
    )
    number = blocks.IntegerBlock(
        label=_("Aantal"),
        min_value=1,
        max_value=listable.NUMBER_MAX,
        default=listable.NUMBER_DEFAULT,
    )
    more_page = blocks.PageChooserBlock(
        label=_("Link naar meer"),
        required=False,
        help_text=_("Bijvoorbeeld het overzicht met alle pagina's van deze soort."),
    )
    more_text = blocks.CharBlock(
        label=_("Linktekst"),
        required=False,
        max_length=100,
        help_text=_("Leeg: de titel van de gekozen pagina."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Lijst van pagina's")
        description = _("Pagina's die u kiest op soort, doelgroep, thema, regio of onderwerp.")
        template = f"{BLOCK_TEMPLATES}/listing_block.html"

    def clean(self, value):
        value = super().clean(value)
        if value.get("more_text") and not value.get("more_page"):
            message = _("Kies ook de pagina waar de link naartoe gaat.")
            raise StructBlockValidationError(block_errors={"more_page": ValidationError(message)})
        return value

    def get_context(self, value, parent_context=None):
        """The cards are only read when the fragment is not in the cache. Its key holds the
        publish version (with the address asked for, as the page fragments), the block's own
        value and today's date (a card may show a status that follows from it)."""
        context = super().get_context(value, parent_context)
        stored = json.dumps(self.get_prep_value(value), sort_keys=True, default=str)
        digest = hashlib.sha256(stored.encode()).hexdigest()[:32]
        scope = (parent_context or {}).get("fragment_version") or version()
        more_page = value.get("more_page")
        context.update(
            cards=SimpleLazyObject(partial(listable.cards, value)),
            listing_key=f"{scope}:{timezone.localdate().isoformat()}:{digest}",
            listing_seconds=settings.FRAGMENT_CACHE_SECONDS,
            card_heading="h3" if value.get("title") else "h2",
            more_page=more_page if more_page is not None and more_page.live else None,
        )
        return context


class ListingStreamBlock(BaseStreamBlock):
    """The body of the home page and the content pages: the shared blocks and a listing."""

    listing = ListingBlock()

    class Meta:
        block_counts = {}
