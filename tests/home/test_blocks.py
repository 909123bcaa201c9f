"""Shared StreamField blocks: an informative image needs a text alternative (Wagtail's own
ImageBlock, refused with our Dutch wording); questions marked as FAQ are given to search engines
as schema.org FAQPage."""

import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import nested_form_data, streamfield

from demo.factories.home import ContentPageFactory, stream
from home.blocks import FigureBlock
from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return get_image_model().objects.create(title="foto.jpg", file=get_test_image_file())


def clean(image, caption="", **fields):
    block = FigureBlock()
    return block.clean(
        block.to_python({"image": {"image": image.pk, **fields}, "caption": caption})
    )


@pytest.mark.parametrize("alt_text", ["", "  "])
def test_an_image_without_alt_text_is_refused_with_a_dutch_message(image, alt_text):
    with pytest.raises(ValidationError) as error:
        clean(image, alt_text=alt_text, decorative=False)
    image_errors = error.value.block_errors["image"]
    assert "alternatieve tekst" in str(image_errors.block_errors["alt_text"].messages)


def test_alt_text_or_marked_decorative_is_accepted(image):
    alt = "Leerling aan de draaibank"
    value = clean(image, alt_text=alt, caption="In de werkplaats")
    assert (value["image"].contextual_alt_text, value["caption"]) == (alt, "In de werkplaats")
    decorative = clean(image, alt_text="", decorative=True)["image"]
    assert decorative.decorative is True
    assert decorative.contextual_alt_text == ""


def test_the_image_renders_its_alt_text_or_none_when_decorative_and_its_caption(image):
    def render(**fields):
        block = FigureBlock()
        caption = fields.pop("caption", "")
        return block.render(
            block.to_python({"image": {"image": image.pk, **fields}, "caption": caption})
        )

    html = render(alt_text="Leerling & draaibank", decorative=False, caption="Werkplaats")
    assert 'alt="Leerling &amp; draaibank"' in html
    assert "<figcaption>Werkplaats</figcaption>" in html
    html = render(alt_text="Weg", decorative=True)
    assert 'alt=""' in html
    assert "figcaption" not in html
    # Imported without alt text and not decorative: the image title, as before.
    assert 'alt="foto.jpg"' in render(alt_text="", decorative=False)


def faq_json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [data for data in map(json.loads, found) if data.get("@type") == "FAQPage"]


def test_questions_marked_as_faq_reach_search_engines_with_real_links(client):
    target = ContentPageFactory(slug="vrijstelling-uitleg", title="Uitleg vrijstelling")
    answer = f'<p>Lees de <a linktype="page" id="{target.pk}">uitleg</a>.</p>'
    ContentPageFactory(
        slug="vragen",
        body=stream(
            (
                "accordion",
                {
                    "title": "Vragen",
                    "is_faq": True,
                    "items": [{"question": "Hoe?", "answer": answer}],
                },
            )
        ),
    )
    ContentPageFactory(
        slug="alleen-uitklappen",
        body=stream(
            (
                "accordion",
                {"is_faq": False, "items": [{"question": "Waar?", "answer": "<p>Hier.</p>"}]},
            )
        ),
    )
    (faq,) = faq_json_ld(client.get("/vragen/").content.decode())
    assert faq["mainEntity"][0]["name"] == "Hoe?"
    text = faq["mainEntity"][0]["acceptedAnswer"]["text"]
    assert 'href="/vrijstelling-uitleg/"' in text
    assert "linktype" not in text
    assert faq_json_ld(client.get("/alleen-uitklappen/").content.decode()) == []


def admin_post(client, page, figure):
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "summary": page.summary,
            "body": streamfield([("image", figure)]),
            "action-publish": "publish",
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_the_admin_edits_the_image_with_alt_text_and_refuses_it_without(
    client, django_user_model, image
):
    login_verified(client, django_user_model.objects.create_superuser("beheer", password="x"))
    page = ContentPageFactory(slug="werkplaats")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200

    figure = {"image": {"image": image.pk, "alt_text": "", "decorative": ""}, "caption": "Foto"}
    refused = admin_post(client, page, figure)
    assert refused.status_code == 200
    assert "Vul een alternatieve tekst in" in refused.content.decode()

    figure["image"]["alt_text"] = "Leerling aan de draaibank"
    assert admin_post(client, page, figure).status_code == 302
    page.refresh_from_db()
    (block,) = page.body
    assert block.value["image"].contextual_alt_text == "Leerling aan de draaibank"
    assert block.value["caption"] == "Foto"
