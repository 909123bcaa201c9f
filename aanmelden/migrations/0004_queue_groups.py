"""The four queue teams as Wagtail groups, with admin access and the model permissions that
aanmelden/queue/permissions.py reads. Kept in step with that module and docs/queue.md."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APP = "aanmelden"
VIEW_CHANGE = ("view", "change")
GROUPS = {
    "Leerplicht": [
        *(f"{a}_vrijstellingmelding" for a in VIEW_CHANGE),
        "view_special_category",
    ],
    "Werkgeversservicepunt": [
        *(f"{a}_stageaanbod" for a in VIEW_CHANGE),
        *(f"{a}_stageplaats" for a in VIEW_CHANGE),
    ],
    "Leerwerkmakelaars": [*(f"{a}_leerwerkmakelaaraanmelding" for a in VIEW_CHANGE)],
    "Functioneel beheer": [
        *(f"{a}_{m}" for a in VIEW_CHANGE for m in ("vrijstellingmelding", "stageaanbod")),
        *(f"{a}_leerwerkmakelaaraanmelding" for a in VIEW_CHANGE),
        *(f"{a}_stageplaats" for a in VIEW_CHANGE),
        "change_retentionsettings",
        "view_retentionsettings",
        "manage_personal_data",
    ],
}


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate; make sure ours exist now.
    app_config = apps.get_app_config(APP)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name, codenames in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        perms = list(Permission.objects.filter(content_type__app_label=APP, codename__in=codenames))
        missing = set(codenames) - {p.codename for p in perms}
        if missing:
            raise RuntimeError(f"missing permissions for {name}: {sorted(missing)}")
        group.permissions.add(access_admin, *perms)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("aanmelden", "0003_queue"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
