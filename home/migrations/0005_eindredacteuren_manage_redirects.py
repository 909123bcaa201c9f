"""Eindredacteuren manage redirects: they move and unpublish pages, so they keep old addresses
working. Redacteuren do not."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ["add_redirect", "change_redirect", "delete_redirect"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("wagtailredirects")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group = apps.get_model("auth.Group").objects.filter(name="Eindredacteuren").first()
    if group is None:
        return
    group.permissions.add(
        *apps.get_model("auth.Permission").objects.filter(
            content_type__app_label="wagtailredirects", codename__in=CODENAMES
        )
    )


def backwards(apps, schema_editor):
    group = apps.get_model("auth.Group").objects.filter(name="Eindredacteuren").first()
    if group is None:
        return
    group.permissions.remove(
        *apps.get_model("auth.Permission").objects.filter(
            content_type__app_label="wagtailredirects", codename__in=CODENAMES
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_figure_block"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
