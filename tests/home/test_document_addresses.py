"""A document keeps its public address when an editor replaces its file: links to the old file name
lead to the current file; a private document still tells strangers nothing."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.staff_login import login_verified

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def document(name, collection=None):
    return get_document_model().objects.create(
        title="Jaarverslag",
        file=ContentFile(PDF, name=name),
        collection=collection or Collection.get_first_root_node(),
    )


def replace_file(doc, name):
    doc.file = ContentFile(PDF + b"% nieuw\n", name=name)
    doc.save()


def test_an_old_address_leads_to_the_replaced_file(client):
    doc = document("jaarverslag-2025.pdf")
    old_url = doc.url
    assert client.get(old_url).status_code == 200
    replace_file(doc, "jaarverslag-2026.pdf")
    assert doc.url != old_url
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == doc.url
    current = client.get(doc.url)
    assert current.status_code == 200
    assert b"% nieuw" in b"".join(current.streaming_content)


def test_an_unknown_document_still_answers_404(client):
    assert client.get("/documenten/999999/bestaat-niet.pdf").status_code == 404


def test_a_private_document_redirects_only_someone_who_may_see_it(client, admin_user):
    private = Collection.get_first_root_node().add_child(name="Besloten")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    doc = document("notitie.pdf", private)
    old_url = doc.url
    replace_file(doc, "notitie-definitief.pdf")
    response = client.get(old_url)
    assert response.status_code == 404  # the new file name stays unknown to strangers
    login_verified(client, admin_user)
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == doc.url
