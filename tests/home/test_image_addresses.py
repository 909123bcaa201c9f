"""An image keeps its public addresses when an editor replaces its file in the admin: the old
original and every old rendition redirect to the same rendition of the new file."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db


def png(name, colour):
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 480), colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def replace_in_admin(client, image, upload, capture_on_commit):
    # Wagtail removes the old renditions' files once the transaction commits.
    with capture_on_commit(execute=True):
        response = client.post(
            reverse("wagtailimages:edit", args=[image.pk]),
            {"title": image.title, "file": upload, "collection": image.collection_id, "tags": ""},
        )
    assert response.status_code == 302, response.content[:2000]
    image.refresh_from_db()


def test_old_rendition_and_original_addresses_lead_to_the_new_file(
    client, admin_user, django_capture_on_commit_callbacks
):
    image = get_image_model().objects.create(
        title="Leerwerkplek",
        file=png("leerwerkplek.png", "red"),
        collection=Collection.get_first_root_node(),
    )
    old_rendition_url = image.get_rendition("fill-300x200").url
    old_original_url = image.file.url
    assert client.get(old_rendition_url).status_code == 200

    login_verified(client, admin_user)
    replace_in_admin(
        client,
        image,
        png("werkplaats-nieuw.png", "blue"),
        django_capture_on_commit_callbacks,
    )
    client.logout()

    new_rendition_url = image.get_rendition("fill-300x200").url
    assert new_rendition_url != old_rendition_url
    response = client.get(old_rendition_url)
    assert response.status_code == 301
    assert response["Location"] == new_rendition_url
    assert client.get(new_rendition_url).status_code == 200

    response = client.get(old_original_url)
    assert response.status_code == 301
    assert response["Location"] == image.file.url


def test_an_address_nobody_ever_had_answers_404(client):
    assert client.get("/media/images/bestaat-niet.fill-300x200.png").status_code == 404


def test_changing_only_the_title_records_no_former_address(client, admin_user):
    image = get_image_model().objects.create(
        title="Oud", file=png("titel.png", "green"), collection=Collection.get_first_root_node()
    )
    login_verified(client, admin_user)
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Nieuw", "collection": image.collection_id, "tags": ""},
    )
    assert response.status_code == 302
    assert not image.former_files.exists()
