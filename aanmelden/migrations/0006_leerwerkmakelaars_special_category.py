"""The Leerwerkmakelaars group may see special-category answers on its own queue's detail view:
``support_needs`` ("hulp of ondersteuning") often reveals health data, so it is now one of
LeerwerkmakelaarAanmelding.SPECIAL_CATEGORY_FIELDS (aanmelden/queue/permissions.py)."""

from django.db import migrations

APP = "aanmelden"
GROUP = "Leerwerkmakelaars"
CODENAME = "view_special_category"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    group.permissions.add(
        Permission.objects.get(content_type__app_label=APP, codename=CODENAME)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=GROUP).first()
    permission = Permission.objects.filter(content_type__app_label=APP, codename=CODENAME).first()
    if group is not None and permission is not None:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [("aanmelden", "0005_stageplaatsen_page")]

    operations = [migrations.RunPython(grant, revoke)]
