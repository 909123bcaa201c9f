"""The body's image block moved its image, alt text and decorative flag into Wagtail's own
ImageBlock: stored pages and their revisions (drafts, old versions) migrate to the nested shape
and back, and the page shows the same alt text and caption afterwards."""

import json

import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import JSONField
from django.db.models.functions import Cast
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Revision

from demo.factories.home import ContentPageFactory, stream
from demo.factories.regelingen import RegelingPageFactory
from home.models import ContentPage
from regelingen.models import RegelingPage

pytestmark = pytest.mark.django_db(transaction=True)

FLAT_HEADS = {"home": "0003_contentpage_tags", "regelingen": "0001_initial"}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()


def leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


def migrate_to_head():
    migrate(leaves())
    # Fill the content type cache again: restoring the test data after the flush saves models
    # whose signal handlers look their content type up, and must not create it anew.
    ContentType.objects.get_for_models(*django_apps.get_models(), for_concrete_models=False)


@pytest.fixture
def back_at_head():
    """Whatever the test did, the database is at the head again afterwards."""
    yield
    migrate_to_head()


def migrate_to_flat_shape():
    migrate([(app, FLAT_HEADS.get(app, name)) for app, name in leaves()])


def stored_body(page):
    """The body as stored in the page's own table, without going through any block."""
    raw = type(page).objects.annotate(raw=Cast("body", JSONField())).filter(pk=page.pk)
    return raw.values_list("raw", flat=True).get()


def revision_body(revision):
    return json.loads(Revision.objects.get(pk=revision.pk).content["body"])


def image_values(blocks):
    return [block["value"] for block in blocks if block["type"] == "image"]


def test_pages_and_revisions_migrate_between_the_flat_and_the_nested_shape(client, back_at_head):
    image = get_image_model().objects.create(title="foto.jpg", file=get_test_image_file())
    figures = [
        {
            "image": {
                "image": image.pk,
                "alt_text": "Leerling aan de draaibank",
                "decorative": False,
            },
            "caption": "In de werkplaats",
        },
        {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": ""},
    ]
    body = stream(("paragraph", "<p>Tekst</p>"), *(("image", figure) for figure in figures))
    page = ContentPageFactory(slug="werkplaats", body=body)
    revision = page.save_revision()
    revision.publish()
    draft = ContentPage.objects.get(pk=page.pk)
    draft.body = stream(("image", {**figures[0], "caption": "Concepttekst"}))
    draft_revision = draft.save_revision()
    regeling = RegelingPageFactory(slug="stagefonds", body=stream(("image", figures[0])))

    migrate_to_flat_shape()

    flat = {"image": image.pk, "alt_text": "Leerling aan de draaibank", "decorative": False}
    assert image_values(stored_body(page)) == [
        {**flat, "caption": "In de werkplaats"},
        {"image": image.pk, "alt_text": "", "decorative": True, "caption": ""},
    ]
    assert image_values(revision_body(revision)) == image_values(stored_body(page))
    assert image_values(revision_body(draft_revision)) == [{**flat, "caption": "Concepttekst"}]
    assert image_values(stored_body(regeling)) == [{**flat, "caption": "In de werkplaats"}]
    assert stored_body(page)[0]["value"] == "<p>Tekst</p>"

    migrate_to_head()

    assert image_values(stored_body(page)) == figures
    assert image_values(revision_body(revision)) == figures
    assert image_values(revision_body(draft_revision)) == [
        {**figures[0], "caption": "Concepttekst"}
    ]
    assert image_values(stored_body(regeling)) == [figures[0]]
    html = client.get("/werkplaats/").content.decode()
    assert 'alt="Leerling aan de draaibank"' in html
    assert "<figcaption>In de werkplaats</figcaption>" in html
    assert html.count('alt=""') == 1
    drafted = ContentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert drafted.body[0].value["image"].contextual_alt_text == "Leerling aan de draaibank"
    assert drafted.body[0].value["caption"] == "Concepttekst"
    assert RegelingPage.objects.get(pk=regeling.pk).body[0].value["caption"] == ("In de werkplaats")
