"""Blocks of the policy documents: key figures are typed, so the PDF and the API can reuse them."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import BLOCK_TEMPLATES


class KeyFigureBlock(blocks.StructBlock):
    """One key figure: "572 voortijdig schoolverlaters (2022-2023)"."""

    label = blocks.CharBlock(label=_("Omschrijving"), max_length=200)
    value = blocks.DecimalBlock(label=_("Waarde"), decimal_places=2)
    unit = blocks.CharBlock(
        label=_("Eenheid"), required=False, max_length=40, help_text=_("Bijv. jongeren, euro, %")
    )
    year = blocks.CharBlock(
        label=_("Jaar of periode"), required=False, max_length=20, help_text=_("Bijv. 2023-2024")
    )

    class Meta:
        icon = "snippet"
        label = _("Kerncijfer")
        template = f"{BLOCK_TEMPLATES}/key_figure_block.html"
