"""Staff edit the taxonomy: both editorial groups may add and change the snippets."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODELS = ["regio", "doelgroep", "thema", "organisatie"]
GROUPS = {
    "Redacteuren": ["add", "change"],
    "Eindredacteuren": ["add", "change", "delete"],
}


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("goodpractices")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, actions in GROUPS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        codenames = [f"{action}_{model}" for action in actions for model in MODELS]
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="goodpractices", codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("goodpractices", "0001_initial"),
        ("home", "0002_homepage_editor_groups"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
