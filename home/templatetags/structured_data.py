"""schema.org JSON-LD as a data block: escaped like json_script, so page text cannot end the
<script> element. The CSP blocks inline scripts, but data blocks are never executed."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from home.structured_data import faq_page

register = template.Library()

# As Django's json_script escapes (its table is private): page text cannot close the element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def faq_json_ld(accordion):
    """The questions of a Q&A block marked as FAQ, for search engines."""
    return json_ld(faq_page((item["question"], item["answer"]) for item in accordion["items"]))
