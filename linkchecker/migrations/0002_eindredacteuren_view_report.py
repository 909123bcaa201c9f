"""Eindredacteuren see the link report: they publish, so they act on what it lists."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["view_checkedlink"]


def permissions(apps):
    app_config = apps.get_app_config("linkchecker")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth.Permission").objects.filter(
        content_type__app_label="linkchecker", codename__in=CODENAMES
    )


def forwards(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.filter(name="Eindredacteuren").first()
    if group is not None:
        group.permissions.add(*permissions(apps))


def backwards(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.filter(name="Eindredacteuren").first()
    if group is not None:
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("linkchecker", "0001_initial"),
        ("home", "0002_homepage_editor_groups"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
