"""The queue's own models move here from the forms app: the tables keep their names
(Meta.db_table), so only Django's state changes, and the content types get this app's label so
every group keeps its permissions."""

import django.contrib.contenttypes.models as django_content_types
import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

APP = "moderation"
MODELS = ("queuenote", "retentionsettings")


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
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="QueueNote",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "reference",
                            models.CharField(db_index=True, max_length=16, verbose_name="kenmerk"),
                        ),
                        ("text", models.TextField(verbose_name="notitie")),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="geschreven op"),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="medewerker",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "aanmelden_queuenote",
                        "verbose_name": "interne notitie",
                        "verbose_name_plural": "interne notities",
                        "ordering": ["created_at"],
                        "permissions": [
                            ("view_special_category", "Mag BSN en gezondheids- of geloofsgegevens zien"),
                            ("manage_personal_data", "Mag gegevens van betrokkenen exporteren en wissen"),
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="RetentionSettings",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "vrijstelling_months",
                            models.PositiveSmallIntegerField(
                                default=24,
                                help_text="Standaard 24 maanden: een vrijstelling wordt elk schooljaar opnieuw gemeld en de melding van vorig jaar is nodig om de nieuwe te beoordelen; een besluit kan in bezwaar en beroep gaan.",
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(240),
                                ],
                                verbose_name="vrijstelling leerplicht (maanden na afsluiten)",
                            ),
                        ),
                        (
                            "stageaanbod_months",
                            models.PositiveSmallIntegerField(
                                default=12,
                                help_text="Standaard 12 maanden: contactgegevens van de werkgever zijn alleen nodig zolang de plek openstaat en voor de nazorg van dat schooljaar.",
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(240),
                                ],
                                verbose_name="stageaanbod (maanden na afsluiten)",
                            ),
                        ),
                        (
                            "leerwerkmakelaar_months",
                            models.PositiveSmallIntegerField(
                                default=24,
                                help_text="Standaard 24 maanden: jongeren komen vaak binnen twee jaar terug; de leerwerkmakelaar moet dan het eerdere traject kunnen zien.",
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(240),
                                ],
                                verbose_name="leerwerkmakelaar (maanden na afsluiten)",
                            ),
                        ),
                        (
                            "site",
                            models.OneToOneField(
                                editable=False,
                                on_delete=django.db.models.deletion.CASCADE,
                                to="wagtailcore.site",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "aanmelden_retentionsettings",
                        "verbose_name": "bewaartermijnen aanmeldingen",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
