"""A database filled at the old layout (the queue and the outbox inside aanmelden, migration
0010) migrates forward to the new apps without losing a row, and every group keeps exactly the
permissions it had."""

import re

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Site

from aanmelden.models import LeerwerkmakelaarAanmelding, Stageaanbod, VrijstellingMelding
from demo.factories.queue import (
    LeerwerkmakelaarAanmeldingFactory,
    StageaanbodFactory,
    StageplaatsFactory,
    VrijstellingMeldingFactory,
)
from moderation import permissions
from moderation.models import QueueNote, RetentionSettings
from outbox.models import OutgoingMail

pytestmark = pytest.mark.django_db(transaction=True)

OLD_HEAD = ("aanmelden", "0010_queue_name_search_trigram_indexes")
NEW_APPS = ("moderation", "outbox")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def migrate(targets):
    """Migrate to ``targets``; the historical models of that state."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def migrate_to_head():
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    # Fill the content type cache again: restoring the test data after the flush saves models
    # whose signal handlers look their content type up, and must not create it anew.
    ContentType.objects.get_for_models(*django_apps.get_models(), for_concrete_models=False)


@pytest.fixture
def old_apps():
    """The database at the old layout; back at the head afterwards, whatever the test did."""
    try:
        yield migrate(old_layout_targets())
    finally:
        migrate_to_head()


# The other apps whose migrations came with the new layout, at their heads before it.
OLD_HEADS_OF_OTHERS = {"home": "0003_contentpage_tags", "regelingen": "0001_initial"}
# What the new layout's migrations give a group besides what it had.
ADDED_BY_NEW_LAYOUT = {"Eindredacteuren": ["add_redirect", "change_redirect", "delete_redirect"]}


def old_layout_targets():
    """The old layout: aanmelden at 0010, home and regelingen before their image-block and
    group migrations, the new apps not there yet, every other app at its head."""
    leaves = MigrationExecutor(connection).loader.graph.leaf_nodes()
    others = [
        (app, OLD_HEADS_OF_OTHERS.get(app, name))
        for app, name in leaves
        if app not in ("aanmelden", *NEW_APPS)
    ]
    return [*others, OLD_HEAD, *((app, None) for app in NEW_APPS)]


def saved_in_old_schema(old_apps, built):
    """A factory-built submission inserted through the old layout's historical model: fields
    added since (whose columns that table lacks) are left out."""
    model = old_apps.get_model("aanmelden", type(built).__name__)
    old_names = {f.attname for f in model._meta.concrete_fields} - {"id"}
    built.reference = built.reference or f"{built.REFERENCE_PREFIX}-OUD001"
    built.status = built.status or built.Status.values[0]
    return model.objects.create(
        **{
            f.attname: getattr(built, f.attname)
            for f in built._meta.concrete_fields
            if f.attname in old_names
        }
    )


def group_permissions():
    return {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.prefetch_related("permissions")
    }


def test_old_layout_migrates_forward_with_every_row_and_permission(old_apps):
    before = group_permissions()
    old_ct = old_apps.get_model("contenttypes", "ContentType")
    assert old_ct.objects.filter(app_label="aanmelden", model="queuenote").exists()
    assert not old_ct.objects.filter(app_label__in=NEW_APPS).exists()

    # Filled at the old head: the moved models through the old layout's own (historical) models.
    exemption = saved_in_old_schema(old_apps, VrijstellingMeldingFactory.build(ground="5a"))
    exemption.medical_statement.save("verklaring.pdf", ContentFile(PDF), save=True)
    offer = StageaanbodFactory()
    StageplaatsFactory(offer=offer)
    young = LeerwerkmakelaarAanmeldingFactory()
    staff = User.objects.create_user("leerplicht", password="pw")
    staff.groups.add(Group.objects.get(name=permissions.GROUP_LEERPLICHT))
    old_apps.get_model("aanmelden", "QueueNote").objects.create(
        reference=exemption.reference, user_id=staff.pk, text="Gebeld met de ouder."
    )
    old_apps.get_model("aanmelden", "OutgoingMail").objects.create(
        to="ouder@example.org",
        subject="Ontvangen",
        body="Beste ouder",
        reference=exemption.reference,
    )
    site = Site.objects.get(is_default_site=True)
    old_apps.get_model("aanmelden", "RetentionSettings").objects.create(
        site_id=site.pk, vrijstelling_months=36
    )

    migrate_to_head()

    assert VrijstellingMelding.objects.get().reference == exemption.reference
    assert VrijstellingMelding.objects.get().medical_statement.name == (
        exemption.medical_statement.name
    )
    assert Stageaanbod.objects.get().places.count() == 1
    assert LeerwerkmakelaarAanmelding.objects.get().reference == young.reference
    note = QueueNote.objects.get()
    assert (note.reference, note.user, note.text) == (
        exemption.reference,
        staff,
        "Gebeld met de ouder.",
    )
    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.status, mail.reference) == (
        "ouder@example.org",
        OutgoingMail.Status.PENDING,
        exemption.reference,
    )
    # Queued before Message-IDs were stored: it gets one of its own, kept for every retry.
    assert re.fullmatch(r"<[^@<>]+@testserver>", mail.message_id)
    assert RetentionSettings.for_site(site).vrijstelling_months == 36

    # Same codenames for every group (plus what the new layout adds on purpose); the moved
    # models' permissions now under the new apps.
    expected = {
        name: sorted([*codenames, *ADDED_BY_NEW_LAYOUT.get(name, [])])
        for name, codenames in before.items()
    }
    assert group_permissions() == expected
    moved = Permission.objects.filter(content_type__model__in=["queuenote", "retentionsettings"])
    assert set(moved.values_list("content_type__app_label", flat=True)) == {"moderation"}
    assert not ContentType.objects.filter(
        app_label="aanmelden", model__in=["queuenote", "retentionsettings", "outgoingmail"]
    ).exists()
    staff = User.objects.get(pk=staff.pk)  # a fresh permission cache
    assert permissions.can_see_special_category(staff, VrijstellingMelding)
    assert permissions.can_change(staff, VrijstellingMelding)
    assert not permissions.can_manage_personal_data(staff, VrijstellingMelding)


def test_the_move_back_restores_the_old_content_types(old_apps):
    """The forward migration can be undone: the content types return to aanmelden."""
    assert set(
        ContentType.objects.filter(
            model__in=["queuenote", "retentionsettings", "outgoingmail"]
        ).values_list("app_label", flat=True)
    ) == {"aanmelden"}
    assert Permission.objects.filter(
        content_type__app_label="aanmelden", codename="view_special_category"
    ).exists()
    migrate_to_head()
    assert ContentType.objects.filter(app_label="outbox", model="outgoingmail").exists()
