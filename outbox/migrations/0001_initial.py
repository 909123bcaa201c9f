"""The outbox moves here from the forms app: the table keeps its name (Meta.db_table), so only
Django's state changes, and its content type gets this app's label."""

import django.contrib.contenttypes.models as django_content_types
import django.utils.timezone
from django.db import migrations, models

APP = "outbox"
MODELS = ("outgoingmail",)


def move_content_types(apps, old_label, new_label):
    """Give the moved models' content types the new app label, so their permissions (and the
    groups holding them) follow without a change. Should the new content type exist already, the
    old one's permissions are handed over to it."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        new = ContentType.objects.filter(app_label=new_label, model=model).first()
        if new is None:
            old.app_label = new_label
            old.save(update_fields=["app_label"])
            continue
        for permission in Permission.objects.filter(content_type=old):
            target = Permission.objects.filter(
                content_type=new, codename=permission.codename
            ).first()
            if target is None:
                permission.content_type = new
                permission.save(update_fields=["content_type"])
                continue
            for group in permission.group_set.all():
                group.permissions.add(target)
            for user in permission.user_set.all():
                user.user_permissions.add(target)
            permission.delete()
    ContentType.objects.clear_cache()
    django_content_types.ContentType.objects.clear_cache()


def forwards(apps, schema_editor):
    move_content_types(apps, "aanmelden", APP)


def backwards(apps, schema_editor):
    move_content_types(apps, APP, "aanmelden")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("aanmelden", "0010_queue_name_search_trigram_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='OutgoingMail',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('to', models.EmailField(max_length=254, verbose_name='aan')),
                        ('subject', models.CharField(max_length=250, verbose_name='onderwerp')),
                        ('body', models.TextField(verbose_name='tekst')),
                        ('template_name', models.CharField(blank=True, max_length=200, verbose_name='sjabloon')),
                        ('reference', models.CharField(blank=True, db_index=True, max_length=16, verbose_name='kenmerk')),
                        ('status', models.CharField(choices=[('pending', 'Wacht op verzending'), ('sent', 'Verzonden')], db_index=True, default='pending', max_length=10, verbose_name='status')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='pogingen')),
                        ('last_error', models.TextField(blank=True, verbose_name='laatste fout')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='aangemaakt')),
                        ('next_attempt_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='volgende poging')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='verzonden op')),
                    ],
                    options={
                        'db_table': 'aanmelden_outgoingmail',
                        'verbose_name': 'uitgaande e-mail',
                        'verbose_name_plural': 'uitgaande e-mails',
                        'ordering': ['created_at'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
