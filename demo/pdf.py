"""A small PDF of a policy document, made from the page's own summary and key figures.

The demo content attaches it as the downloadable version; nothing from the source files is
shipped. Tagged with title, author and language so screen readers and search engines read it.
"""

import io
from xml.sax.saxutils import escape

from django.utils.formats import date_format, number_format
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle


def format_figure(block_value):
    value = block_value["value"]
    text = number_format(
        value, decimal_pos=0 if value == int(value) else 2, use_l10n=True, force_grouping=True
    )
    unit = block_value.get("unit") or ""
    if unit == "euro":
        return f"€ {text}"
    if unit == "%":
        return f"{text}%"
    return f"{text} {unit}".strip()


def summary_pdf(page):
    """Return the PDF bytes for a BeleidsdocumentPage."""
    buffer = io.BytesIO()
    organisation = page.organisation.name if page.organisation_id else "Leerwerkportaal"
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=2 * cm,
        rightMargin=2 * cm,
        topMargin=2 * cm,
        bottomMargin=2 * cm,
        title=page.title,
        author=organisation,
        subject=page.get_document_type_display(),
        lang="nl-NL",
    )
    styles = getSampleStyleSheet()
    story = [
        Paragraph(escape(page.get_document_type_display()), styles["Normal"]),
        Paragraph(escape(page.title), styles["Title"]),
    ]
    meta = [date_format(page.date, "j F Y")]
    if page.number:
        meta.append(f"nummer {page.number}")
    meta.append(organisation)
    story += [Paragraph(escape(" | ".join(meta)), styles["Normal"]), Spacer(1, 0.5 * cm)]
    if page.summary:
        story += [
            Paragraph("Samenvatting", styles["Heading2"]),
            Paragraph(escape(page.summary), styles["BodyText"]),
        ]
    figures = [block.value for block in page.key_figures]
    if figures:
        rows = [["Kerncijfer", "Waarde", "Jaar"]] + [
            [Paragraph(escape(f["label"]), styles["BodyText"]), format_figure(f), f.get("year", "")]
            for f in figures
        ]
        table = Table(rows, colWidths=[10 * cm, 4 * cm, 3 * cm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [Spacer(1, 0.5 * cm), Paragraph("Kerncijfers", styles["Heading2"]), table]
    doc.build(story)
    return buffer.getvalue()
