"""Shared StreamField blocks: an informative image needs a text alternative before it is saved."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from home.blocks import ImageBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return get_image_model().objects.create(title="foto.jpg", file=get_test_image_file())


def clean(image, **fields):
    block = ImageBlock()
    return block.clean(block.to_python({"image": image.pk, **fields}))


def test_an_image_without_alt_text_is_refused_with_a_dutch_message(image):
    with pytest.raises(ValidationError) as error:
        clean(image, alt_text="  ", decorative=False)
    assert "alternatieve tekst" in str(error.value.block_errors["alt_text"].messages)


def test_alt_text_or_marked_decorative_is_accepted(image):
    alt = "Leerling aan de draaibank"
    assert clean(image, alt_text=alt)["alt_text"] == alt
    assert clean(image, alt_text="", decorative=True)["decorative"] is True
